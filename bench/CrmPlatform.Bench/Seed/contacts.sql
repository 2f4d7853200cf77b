-- Contacts of the customers whose id hashes to part @part of @parts (run in parallel): a company has
-- two or three (the boss, purchasing or a store manager, sometimes staff), one person in five has one
-- (family). Names come from the same skewed surnames and given-name characters as the customers', so a
-- search term finds contacts about as often as customers; one in three has a mobile number.
SELECT setseed(@seed);

INSERT INTO customers.contacts (id, customer_id, name, role, phone, likes, birthday, updated_at)
SELECT
  (lpad(to_hex((extract(epoch FROM c.created_at) * 1000)::bigint + n), 12, '0') || '7' || substr(h.hash, 1, 3)
    || substr('89ab', 1 + n % 4, 1) || substr(h.hash, 4, 15))::uuid,
  c.id,
  s.names[1 + floor(power(random(), 1.7) * array_length(s.names, 1))::int]
    || g.chars[1 + floor(power(random(), 1.5) * array_length(g.chars, 1))::int]
    || CASE WHEN random() < 0.6 THEN g.chars[1 + floor(power(random(), 1.5) * array_length(g.chars, 1))::int] ELSE '' END,
  CASE WHEN c.kind = 'Person' THEN 'BossFamily' ELSE (ARRAY['DecisionMaker', 'Purchasing', 'StoreManager', 'StoreStaff'])[n] END,
  CASE WHEN random() < 0.35 THEN '1' || (ARRAY['3', '5', '8', '7', '9'])[1 + floor(random() * 5)::int] || lpad(floor(random() * 1000000000)::bigint::text, 9, '0') END,
  CASE WHEN random() < 0.3 THEN (ARRAY['喝茶', '钓鱼', '打球', '书法', '红酒'])[1 + floor(random() * 5)::int] END,
  CASE WHEN random() < 0.4 THEN date '1960-01-01' + floor(random() * 15000)::int END,
  c.created_at
FROM customers.customers c
CROSS JOIN LATERAL generate_series(1, CASE WHEN c.kind = 'Company' THEN 2 + ((hashtext(c.id::text) & 2147483647) >> 3) % 2
                                           WHEN ((hashtext(c.id::text) & 2147483647) >> 3) % 5 = 0 THEN 1 ELSE 0 END) AS n
CROSS JOIN LATERAL (SELECT md5(c.id::text || n) AS hash) AS h,
  (SELECT ARRAY['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高',
                '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡'] AS names) AS s,
  (SELECT ARRAY['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
                '刚', '桂', '英', '华', '建', '国', '文', '玉', '兰', '红', '梅', '辉', '鹏', '飞', '斌', '宇', '浩', '凯', '健', '俊',
                '帆', '旭', '宁', '龙', '林', '欣', '晨', '雪', '琳', '晶', '妍', '婷', '颖', '露', '瑶', '怡', '丹', '蓉', '君', '琴'] AS chars) AS g
WHERE (hashtext(c.id::text) & 2147483647) % @parts = @part;
