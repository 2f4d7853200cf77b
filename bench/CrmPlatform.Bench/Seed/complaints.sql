-- A year of complaints (客户投诉制度) on @complaints random customers: received over the last 365 days; those older than a
-- month resolved (nine in ten closed), a twentieth of them reopened once; the month's ones spread over the open states,
-- some past their promise. Each has its channel, severity, a root cause once investigated (quality the most, then
-- delivery, service, price, documents, other: a long tail for the Pareto), a resolution cost, and its received step; the
-- customers' copies the Complaints module keeps for their scope (the demo customers' it has made already).
SELECT setseed(0.71);

CREATE TEMP TABLE bench_complaints AS
SELECT gen_random_uuid() AS id, c.id AS customer_id, c.name AS customer_name, c.owner_id, c.team_id, c.importance = 'Key' AS key_customer,
       now() - random() * interval '365 days' AS received_at, random() AS r, random() AS s, random() AS t
FROM (SELECT id, name, owner_id, team_id, importance FROM customers.customers ORDER BY random() LIMIT @complaints) AS c;

INSERT INTO complaints.customer_copies (customer_id, name, owner_id, team_id, archived_at, as_of)
SELECT DISTINCT customer_id, customer_name, owner_id, team_id, NULL::timestamptz, now() FROM bench_complaints
ON CONFLICT (customer_id) DO NOTHING;

CREATE TEMP TABLE bench_complaint_rows AS
SELECT b.*,
       CASE WHEN b.received_at < now() - interval '30 days' THEN CASE WHEN b.t < 0.9 THEN 'Closed' ELSE 'Resolved' END
            WHEN b.t < 0.25 THEN 'Received' WHEN b.t < 0.5 THEN 'Investigating' WHEN b.t < 0.7 THEN 'ResolutionProposed'
            WHEN b.t < 0.85 THEN 'Resolved' ELSE 'Closed' END AS status,
       CASE WHEN b.r < 0.1 THEN 'Critical' WHEN b.r < 0.4 THEN 'Major' ELSE 'Minor' END AS severity,
       CASE WHEN b.s < 0.40 THEN 'productQuality' WHEN b.s < 0.65 THEN 'delivery' WHEN b.s < 0.80 THEN 'serviceAttitude'
            WHEN b.s < 0.90 THEN 'priceBilling' WHEN b.s < 0.95 THEN 'documentation' ELSE 'other' END AS cause_key
FROM bench_complaints b;

INSERT INTO complaints.complaints (id, customer_id, customer_name, customer_owner_id, customer_team_id, customer_archived, key_customer, channel,
  severity, title, description, product, received_at, received_by, owner_id, status, acknowledged_at, acknowledged_via, promised_at, breached_at,
  resolution_kind, resolution_description, resolution_cost, resolved_at, closed_at, reopen_count, cause_key, updated_at)
SELECT c.id, c.customer_id, c.customer_name, c.owner_id, c.team_id, false, c.key_customer,
       (ARRAY['Phone', 'Email', 'Visit', 'Mailbox', 'WebForm'])[1 + floor(c.t * 5)::int],
       c.severity, '到货包装破损', '客户反映到货外箱破损、内瓶渗漏', '500ml 系列', c.received_at, c.owner_id, c.owner_id, c.status,
       c.received_at + interval '2 hours', 'Phone', c.received_at + interval '72 hours',
       CASE WHEN c.status NOT IN ('Resolved', 'Closed') AND c.received_at + interval '72 hours' < now() THEN c.received_at + interval '73 hours' END,
       CASE WHEN c.status IN ('ResolutionProposed', 'Resolved', 'Closed') THEN 'FixOrImprove' END,
       CASE WHEN c.status IN ('ResolutionProposed', 'Resolved', 'Closed') THEN '补发并更换外箱' END,
       CASE WHEN c.status IN ('ResolutionProposed', 'Resolved', 'Closed') THEN round((c.r * 1000)::numeric, 2) END,
       CASE WHEN c.status IN ('Resolved', 'Closed') THEN c.received_at + c.s * interval '100 hours' END,
       CASE WHEN c.status = 'Closed' THEN c.received_at + c.s * interval '100 hours' + interval '1 day' END,
       CASE WHEN c.status IN ('Resolved', 'Closed') AND c.r > 0.95 THEN 1 ELSE 0 END,
       CASE WHEN c.status <> 'Received' THEN c.cause_key END,
       c.received_at
FROM bench_complaint_rows c;

INSERT INTO complaints.complaint_steps (id, complaint_id, kind, status, owner_id, "by", at)
SELECT gen_random_uuid(), id, 'Received', 'Received', owner_id, owner_id, received_at FROM bench_complaint_rows;

ANALYZE complaints.customer_copies, complaints.complaints, complaints.complaint_steps;
