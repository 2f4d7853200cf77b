-- Timeline entries of the customers whose id hashes to part @part of @parts (run in parallel): one to
-- nine each (five on average, so 5M at a million customers) between the customer's creation and now,
-- by its owner; mostly calls (three in five reached) and messages, then visits, meetings, emails, gifts
-- and notes. customer_activity is filled from them afterwards, as the timeline would have kept it.
SELECT setseed(@seed);

INSERT INTO customers.interactions (id, customer_id, kind, outcome, occurred_at, recorded_by, summary, next_step, next_step_due, source)
SELECT
  (lpad(to_hex((extract(epoch FROM e.occurred_at) * 1000)::bigint), 12, '0') || '7' || substr(e.hash, 1, 3)
    || substr('89ab', 1 + e.n % 4, 1) || substr(e.hash, 4, 15))::uuid,
  e.customer_id, e.kind,
  CASE WHEN e.kind = 'Call' THEN CASE WHEN random() < 0.6 THEN 'Reached' ELSE 'NotReached' END END,
  e.occurred_at, e.owner_id,
  CASE e.kind
    WHEN 'Call' THEN (ARRAY['电话回访，了解近期进货情况', '询问新品反馈', '确认下周拜访时间', '催收上月货款'])[1 + e.n % 4]
    WHEN 'Message' THEN (ARRAY['微信问候', '发送新品目录', '节日祝福'])[1 + e.n % 3]
    WHEN 'Visit' THEN (ARRAY['上门拜访，查看陈列', '拜访老板，谈年度合作', '门店巡访'])[1 + e.n % 3]
    WHEN 'Meeting' THEN '约见面谈，介绍促销方案'
    WHEN 'Email' THEN '发送报价单'
    WHEN 'Gift' THEN (ARRAY['中秋月饼', '新年茶叶礼盒', '生日蛋糕'])[1 + e.n % 3]
    ELSE '客户反映送货偏慢'
  END,
  CASE WHEN e.n % 3 = 0 THEN '下周再跟进' END,
  CASE WHEN e.n % 3 = 0 THEN (e.occurred_at + interval '7 days')::date END,
  'customers'
FROM (
  SELECT c.id AS customer_id, c.owner_id, n, md5(c.id::text || n) AS hash,
    c.created_at + random() * (now() - c.created_at) AS occurred_at,
    (ARRAY['Call', 'Call', 'Call', 'Call', 'Call', 'Call', 'Call', 'Call', 'Call', 'Message', 'Message', 'Message', 'Message',
           'Visit', 'Visit', 'Meeting', 'Meeting', 'Email', 'Gift', 'Note'])[1 + floor(random() * 20)::int] AS kind
  FROM customers.customers c
  CROSS JOIN LATERAL generate_series(1, 1 + ((hashtext(c.id::text) & 2147483647) >> 5) % 9) AS n
  WHERE (hashtext(c.id::text) & 2147483647) % @parts = @part
) AS e;
