-- Deals' copy of every customer (what the Customers module's events write as customers are created), then a year of
-- deals on random customers, each owned by its customer's owner: @open open deals spread over the open stages, expected
-- to close within four months, and @closed deals closed in the last year (four in five won, the rest lost).
SELECT setseed(0.42);

INSERT INTO deals.customer_copies (customer_id, name, owner_id, team_id, archived_at, as_of)
SELECT id, name, owner_id, team_id, NULL, updated_at FROM customers.customers
ON CONFLICT (customer_id) DO NOTHING;

CREATE TEMP TABLE bench_customers AS
SELECT row_number() OVER (ORDER BY id) AS n, id, owner_id, team_id FROM customers.customers;
CREATE INDEX ON bench_customers (n);

CREATE TEMP TABLE bench_deals AS
SELECT d.i, c.id AS customer_id, c.owner_id, c.team_id, d.open, d.won, d.created_at, d.hash, d.r,
       (ARRAY['plan', 'develop', 'appointment', 'recommend'])[1 + floor(power(d.r, 0.8) * 4)::int] AS open_stage
FROM (
  SELECT i, i <= @open AS open, random() < 0.8 AS won, random() AS r, md5(random()::text) AS hash,
         now() - CASE WHEN i <= @open THEN random() * interval '90 days' ELSE interval '30 days' + random() * interval '335 days' END AS created_at,
         1 + floor(random() * (SELECT count(*) FROM bench_customers))::bigint AS pick
  FROM generate_series(1, @open + @closed) AS i) AS d
JOIN bench_customers c ON c.n = d.pick;

INSERT INTO deals.deals (id, customer_id, customer_owner_id, customer_team_id, customer_archived, title, owner_id, team_id, stage, probability_override, amount, cost, currency,
  expected_close_on, next_step, next_step_due, status, won_on, won_by, lost_reason, lost_note, closed_at, created_by, created_at, updated_at)
SELECT
  (lpad(to_hex((extract(epoch FROM d.created_at) * 1000)::bigint), 12, '0') || '7' || substr(d.hash, 1, 3)
    || substr('89ab', 1 + d.i % 4, 1) || substr(d.hash, 4, 15))::uuid,
  d.customer_id, d.owner_id, d.team_id, false,
  (ARRAY['年度供货', '季度备货', '新品试销', '门店陈列', '节日礼品', '设备更新', '追加订单', '渠道合作'])[1 + d.i % 8] || ' ' || d.i,
  d.owner_id, d.team_id,
  CASE WHEN d.open THEN d.open_stage WHEN d.won AND d.i % 3 = 0 THEN 'afterSales' WHEN d.won THEN 'close' ELSE d.open_stage END,
  CASE WHEN d.i % 7 = 0 THEN 5 * (1 + d.i % 19) END,
  round((1000 + power(d.r, 2) * 199000)::numeric, 2),
  round((1000 + power(d.r, 2) * 199000)::numeric * 0.7, 2),
  'CNY',
  CASE WHEN d.open AND d.i % 10 <> 0 THEN (d.created_at + (10 + d.i % 110) * interval '1 day')::date END,
  CASE WHEN d.open THEN '电话确认需求' END,
  CASE WHEN d.open THEN (now() + (d.i % 14) * interval '1 day')::date END,
  CASE WHEN d.open THEN 'Open' WHEN d.won THEN 'Won' ELSE 'Lost' END,
  CASE WHEN NOT d.open AND d.won THEN least((d.created_at + (d.i % 30) * interval '1 day')::date, current_date) END,
  CASE WHEN NOT d.open AND d.won THEN d.owner_id END,
  CASE WHEN NOT d.open AND NOT d.won THEN (ARRAY['Price', 'Competitor', 'NoBudget', 'NoDecision', 'Timing', 'Other'])[1 + d.i % 6] END,
  NULL,
  CASE WHEN NOT d.open THEN least(d.created_at + (d.i % 30) * interval '1 day', now()) END,
  d.owner_id, d.created_at, d.created_at
FROM bench_deals d;

-- Each deal's creation in its history, and the close of the closed ones.
INSERT INTO deals.deal_stage_changes (id, deal_id, from_stage, to_stage, status, changed_by, changed_at)
SELECT gen_random_uuid(), id, NULL, CASE WHEN status = 'Open' THEN stage ELSE 'plan' END, 'Open', owner_id, created_at FROM deals.deals
UNION ALL
SELECT gen_random_uuid(), id, 'plan', stage, status, owner_id, closed_at FROM deals.deals WHERE status <> 'Open';

ANALYZE deals.customer_copies;
ANALYZE deals.deals;
ANALYZE deals.deal_stage_changes;

-- The purchase archive the won deals leave in Customers (RecordPurchase): one purchase per won deal, on the day it was won
-- (10:00 in China), which the weekly report's falling purchases add up by quarter.
INSERT INTO customers.customer_purchases (id, customer_id, title, amount, currency, purchased_at, lines, reference_id, recorded_by, source)
SELECT gen_random_uuid(), customer_id, title, amount, 'CNY', (won_on + time '10:00') AT TIME ZONE 'Asia/Shanghai', '[]', id, won_by, 'deals'
FROM deals.deals WHERE status = 'Won';

ANALYZE customers.customer_purchases;
