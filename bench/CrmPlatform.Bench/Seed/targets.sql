-- This year's revenue targets, decomposed as a director and the managers would (目标分解): the company among the regions,
-- each region among its teams, each team among its members, each member's year into months, at 10,000 a member a month,
-- so every split adds up exactly. Progress is then counted from the year of deals (deals.sql).
CREATE TEMP TABLE bench_year AS
SELECT make_date(extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int, 1, 1) AS starts_on;

CREATE TEMP TABLE bench_members AS
SELECT u.id, u.team_id, t.region_id FROM identity.users u JOIN identity.teams t ON t.id = u.team_id;

CREATE TEMP TABLE bench_targets (id uuid, level text, subject_id uuid, team_id uuid, parent_id uuid, period text, starts_on date, amount numeric, split text);

INSERT INTO bench_targets
SELECT gen_random_uuid(), 'Company', NULL, NULL, NULL, 'Year', y.starts_on, count(*) * 120000, 'Subjects'
FROM bench_members, bench_year y GROUP BY y.starts_on;

INSERT INTO bench_targets
SELECT gen_random_uuid(), 'Region', m.region_id, NULL, c.id, 'Year', c.starts_on, count(*) * 120000, 'Subjects'
FROM bench_members m, bench_targets c WHERE c.level = 'Company' GROUP BY m.region_id, c.id, c.starts_on;

INSERT INTO bench_targets
SELECT gen_random_uuid(), 'Team', m.team_id, m.team_id, r.id, 'Year', r.starts_on, count(*) * 120000, 'Subjects'
FROM bench_members m JOIN bench_targets r ON r.level = 'Region' AND r.subject_id = m.region_id GROUP BY m.team_id, r.id, r.starts_on;

INSERT INTO bench_targets
SELECT gen_random_uuid(), 'Rep', m.id, m.team_id, t.id, 'Year', t.starts_on, 120000, 'Periods'
FROM bench_members m JOIN bench_targets t ON t.level = 'Team' AND t.subject_id = m.team_id;

INSERT INTO bench_targets
SELECT gen_random_uuid(), 'Rep', r.subject_id, r.team_id, r.id, 'Month', (r.starts_on + make_interval(months => month))::date, 10000, NULL
FROM bench_targets r, generate_series(0, 11) AS month WHERE r.level = 'Rep';

INSERT INTO deals.sales_targets (id, kind, level, subject_id, team_id, period, starts_on, ends_on, product_category, amount, parent_id, split,
  created_by, created_at, updated_at)
SELECT t.id, 'Revenue', t.level, t.subject_id, t.team_id, t.period, t.starts_on,
       (CASE t.period WHEN 'Year' THEN t.starts_on + interval '1 year' ELSE t.starts_on + interval '1 month' END - interval '1 day')::date,
       NULL, t.amount, t.parent_id, t.split,
       (SELECT id FROM identity.users WHERE user_name = 'director'), now(), now()
FROM bench_targets t
-- Parents before their children.
ORDER BY CASE t.level WHEN 'Company' THEN 0 WHEN 'Region' THEN 1 WHEN 'Team' THEN 2 ELSE 3 END, t.period DESC;

ANALYZE deals.sales_targets;
