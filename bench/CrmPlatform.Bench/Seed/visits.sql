-- A year of the sales process (拜访) for the 200 members of the 20 teams: every workday (Monday to Friday) of the last
-- 365 days, a plan of five visits to the member's own customers, approved by the manager; four of them visited, three
-- checked out with an outcome (one with an order), at 30 yuan a visit; and the day's report, one in ten filed late and one
-- day in twenty without one. Yesterday's and today's plans wait for sign-off and yesterday's reports for the manager's
-- comment: the managers' inboxes. Last, a competitor's promotion a week per team.
SELECT setseed(0.57);

CREATE TEMP TABLE bench_today AS SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS today;

-- Sixty customers of each member, numbered k = 1..60, visited in turn.
CREATE TEMP TABLE bench_member_customers AS
SELECT o.id AS owner_id, o.team_id, c.id AS customer_id, c.name, c.k
FROM bench.owners o
CROSS JOIN LATERAL (
  SELECT id, name, row_number() OVER (ORDER BY id) AS k FROM customers.customers WHERE owner_id = o.id ORDER BY id LIMIT 60) AS c;
CREATE INDEX ON bench_member_customers (owner_id, k);

CREATE TEMP TABLE bench_days AS
SELECT d::date AS day, (row_number() OVER (ORDER BY d))::int AS dn
FROM bench_today t, generate_series(t.today - 365, t.today, interval '1 day') AS d
WHERE extract(isodow FROM d) < 6;

-- A day's five visits: customers k = 1 + (dn * 5 + slot) % 60 (as many as the member has), from 09:00, an hour each.
CREATE TEMP TABLE bench_planned AS
SELECT o.id AS owner_id, o.team_id, d.day, d.dn, s.slot, c.customer_id, c.name
FROM bench.owners o
CROSS JOIN bench_days d
CROSS JOIN generate_series(0, 4) AS s(slot)
JOIN bench_member_customers c
  ON c.owner_id = o.id AND c.k = 1 + (d.dn * 5 + s.slot) % (SELECT count(*) FROM bench_member_customers m WHERE m.owner_id = o.id);

CREATE TEMP TABLE bench_plans AS
SELECT gen_random_uuid() AS id, p.owner_id, p.team_id, p.day,
       jsonb_agg(jsonb_build_object('customerId', p.customer_id, 'customerName', p.name, 'area', NULL,
                 'from', to_char(time '09:00' + p.slot * interval '1 hour', 'HH24:MI:SS'),
                 'to', to_char(time '10:00' + p.slot * interval '1 hour', 'HH24:MI:SS'), 'purpose', 5, 'notes', NULL) ORDER BY p.slot) AS visits,
       count(*)::int AS visit_count
FROM bench_planned p
GROUP BY p.owner_id, p.team_id, p.day;

INSERT INTO visits.visit_plans (id, owner_id, team_id, day, status, visits, visit_count, submitted_at, reviewed_by, reviewed_at, updated_at)
SELECT p.id, p.owner_id, p.team_id, p.day,
       CASE WHEN p.day >= t.today - 1 THEN 'Submitted' ELSE 'Approved' END,
       p.visits, p.visit_count,
       (p.day - 1)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '18 hours',
       CASE WHEN p.day < t.today - 1 THEN m.manager_id END,
       CASE WHEN p.day < t.today - 1 THEN (p.day - 1)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '20 hours' END,
       (p.day - 1)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '20 hours'
FROM bench_plans p
CROSS JOIN bench_today t
LEFT JOIN (SELECT u.team_id, min(u.id::text)::uuid AS manager_id FROM identity.users u
           JOIN identity.user_roles ur ON ur.user_id = u.id JOIN identity.roles r ON r.id = ur.role_id AND r.name = 'Manager'
           GROUP BY u.team_id) AS m ON m.team_id = p.team_id;

-- Visits of the days before today: the first four planned ones; the last of them never checked out.
INSERT INTO visits.visit_records (id, owner_id, team_id, customer_id, customer_name, plan_id, purpose, checked_in_at, checked_out_at, outcome, cost, ordered)
SELECT gen_random_uuid(), p.owner_id, p.team_id, p.customer_id, p.name, pl.id, 'TakeOrder',
       p.day::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '9 hours 5 minutes' + p.slot * interval '1 hour',
       CASE WHEN p.slot < 3 THEN p.day::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '9 hours 40 minutes' + p.slot * interval '1 hour' END,
       CASE WHEN p.slot < 3 THEN '谈了新品陈列和下月订货' END,
       CASE WHEN p.slot < 3 THEN 30 END,
       p.slot = 0
FROM bench_planned p
JOIN bench_plans pl ON pl.owner_id = p.owner_id AND pl.day = p.day
CROSS JOIN bench_today t
WHERE p.slot < 4 AND p.day < t.today;

-- The day's report: none one day in twenty, late one in ten, reviewed unless it is yesterday's.
INSERT INTO visits.daily_reports (id, owner_id, team_id, day, attendance, complaints_handled, orders, order_amount, collected, lessons,
  visits, effective_visits, visit_cost, visit_minutes, status, submitted_at, late, review_comment, reviewed_at, updated_at)
SELECT gen_random_uuid(), p.owner_id, p.team_id, p.day, 'Present', 0, 1, 5000, 0, '先约再访',
       4, 3, 90, 105,
       CASE WHEN p.day >= t.today - 1 THEN 'Submitted' ELSE 'Reviewed' END,
       p.day::timestamp AT TIME ZONE 'Asia/Shanghai' + CASE WHEN r.late THEN interval '1 day 10 hours' ELSE interval '19 hours' END,
       r.late,
       CASE WHEN p.day < t.today - 1 THEN '继续跟进' END,
       CASE WHEN p.day < t.today - 1 THEN p.day::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '1 day 12 hours' END,
       p.day::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '19 hours'
FROM (SELECT DISTINCT owner_id, team_id, day FROM bench_planned) AS p
CROSS JOIN bench_today t
CROSS JOIN LATERAL (SELECT random() AS r) AS x
CROSS JOIN LATERAL (SELECT x.r < 0.1 AS late) AS r
WHERE p.day < t.today AND x.r < 0.95;

INSERT INTO visits.market_reports (id, owner_id, team_id, observed_on, kind, severity, competitor, description, status, reported_at)
SELECT gen_random_uuid(), o.id, o.team_id, d.day, 'CompetitorPromotion', 'Notable', '某饮料', '买十送三，堆头抢了我们的位置', 'Open',
       d.day::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '15 hours'
FROM (SELECT DISTINCT ON (team_id) id, team_id FROM bench.owners ORDER BY team_id, n) AS o
CROSS JOIN bench_days d
WHERE extract(isodow FROM d.day) = 3;

ANALYZE visits.visit_plans, visits.visit_records, visits.daily_reports, visits.market_reports;
