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

-- The standard answers (标准回答): 2,000 questions and answers over twenty subjects, four products and the six causes; a
-- third of the complaints gave one (an answer step each), so usage counts are uneven.
INSERT INTO complaints.standard_answers (id, question, answer, product, cause_key, edition, active, updated_by, updated_at)
SELECT gen_random_uuid(),
       (ARRAY['瓶盖渗漏', '外箱破损', '到货延误', '少发漏发', '发错型号', '保质期临近', '标签错印', '口味异常', '发票开错', '价格不符',
              '送货员态度差', '客服电话打不通', '说明书看不懂', '赠品未到', '退货流程慢', '返利未兑现', '促销价不一致', '配送时间不准',
              '包装变形', '批号不清'])[1 + g % 20] || '怎么答复？第 ' || g || ' 条',
       '先向客户致歉，' || (ARRAY['24 小时内补发新品', '上门回收并退款', '按合同赔付运费', '重开发票并快递寄出', '由区域经理电话回访',
                             '补寄赠品', '安排质检复查批次', '调整配送线路', '寄送图文说明', '按差价返还'])[1 + g % 10]
         || '，并登记在客户档案中（口径 ' || g || '）。',
       (ARRAY['500ml 系列', '1L 系列', '礼盒装', '散装'])[1 + g % 4],
       (ARRAY['productQuality', 'delivery', 'serviceAttitude', 'priceBilling', 'documentation', 'other'])[1 + g % 6],
       1, g % 50 <> 0, (SELECT id FROM identity.users ORDER BY id LIMIT 1), now() - g * interval '1 hour'
FROM generate_series(1, 2000) AS g;

INSERT INTO complaints.standard_answer_editions (answer_id, edition, question, answer, product, cause_key, "by", at)
SELECT id, 1, question, answer, product, cause_key, updated_by, updated_at FROM complaints.standard_answers;

CREATE TEMP TABLE bench_answers AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM complaints.standard_answers;

-- Skewed: a few answers are given often, most seldom.
INSERT INTO complaints.complaint_steps (id, complaint_id, kind, status, owner_id, "by", at, note, answer_id, answer_edition)
SELECT gen_random_uuid(), c.id, 'AnswerUsed', c.status, c.owner_id, c.owner_id, c.received_at + interval '3 hours', '标准回答', a.id, 1
FROM bench_complaint_rows c
JOIN bench_answers a ON a.n = floor(2000 * power(c.s, 3))::int
WHERE c.t < 0.33;

-- Answers written one by one reach the GIN indexes through their pending lists, which autovacuum empties; 2,000 inserted at
-- once would sit there and be scanned linearly by every search.
SELECT gin_clean_pending_list('complaints.ix_standard_answers_search_grams'::regclass), gin_clean_pending_list('complaints.ix_standard_answers_search_text'::regclass);

ANALYZE complaints.customer_copies, complaints.complaints, complaints.complaint_steps, complaints.standard_answers, complaints.standard_answer_editions;
