-- Customers @from..@to (run in parallel chunks): Chinese names with a realistic skew of surnames
-- and given-name characters, mobile numbers, companies, regions, industries and stages, created
-- over three years with time-ordered (v7) ids, spread evenly over the bench owners.
SELECT setseed(@seed);

INSERT INTO customers.customers (id, name, kind, phone, email, company, position, region, industry, stage, owner_id, team_id, created_at, updated_at, assigned_at)
SELECT
  (lpad(to_hex((extract(epoch FROM c.created_at) * 1000)::bigint), 12, '0') || '7' || substr(c.hash, 1, 3)
    || substr('89ab', 1 + c.i % 4, 1) || substr(c.hash, 4, 15))::uuid,
  CASE WHEN c.is_company THEN c.city || c.brand || c.trade ELSE c.surname || c.given END,
  CASE WHEN c.is_company THEN 'Company' ELSE 'Person' END,
  c.phone,
  CASE WHEN c.i % 5 = 0 THEN 'c' || c.i || '@example.com' END,
  CASE WHEN c.is_company OR c.i % 10 < 7 THEN c.city || c.brand || c.trade || c.suffix END,
  CASE WHEN NOT c.is_company AND c.i % 10 < 7 THEN (ARRAY['老板', '采购经理', '店长', '总经理', '销售主管', '财务'])[1 + c.i % 6] END,
  c.city,
  c.trade,
  CASE WHEN c.r < 0.4 THEN 'Prospect' WHEN c.r < 0.65 THEN 'Intent' WHEN c.r < 0.9 THEN 'Customer' ELSE 'Loyal' END,
  o.id, o.team_id, c.created_at, c.created_at,
  -- Assigned (or last handed over) within the last 60 days: inside the pool's 90, so the nightly sweep leaves the data set alone.
  greatest(c.created_at, now() - random() * interval '60 days')
FROM (
  SELECT i,
    random() < 0.3 AS is_company,
    random() AS r,
    md5(random()::text) AS hash,
    now() - random() * interval '3 years' AS created_at,
    s.names[1 + floor(power(random(), 1.7) * array_length(s.names, 1))::int] AS surname,
    g.chars[1 + floor(power(random(), 1.5) * array_length(g.chars, 1))::int]
      || CASE WHEN random() < 0.6 THEN g.chars[1 + floor(power(random(), 1.5) * array_length(g.chars, 1))::int] ELSE '' END AS given,
    (ARRAY['上海', '北京', '广州', '深圳', '杭州', '苏州', '南京', '成都', '重庆', '武汉', '西安', '天津', '长沙', '郑州', '青岛',
           '宁波', '厦门', '合肥', '昆明', '济南', '福州', '无锡', '佛山', '东莞', '沈阳', '大连', '哈尔滨', '南昌', '贵阳', '南宁'])[1 + floor(random() * 30)::int] AS city,
    (ARRAY['华信', '鼎盛', '宏达', '金鑫', '恒通', '永安', '新兴', '东方', '长城', '天宇', '瑞丰', '嘉禾', '盛世', '明珠', '富源',
           '华联', '万家', '兴旺', '宝丰', '德胜', '祥和', '众诚', '汇通', '佳美', '博远', '创新', '联创', '百佳', '鸿运', '中南'])[1 + floor(random() * 30)::int] AS brand,
    (ARRAY['科技', '贸易', '建材', '五金', '食品', '物流', '电子', '酒店', '家居', '服饰', '医药', '汽配', '文具', '化工', '餐饮'])[1 + floor(random() * 15)::int] AS trade,
    (ARRAY['有限公司', '股份有限公司', '商行', '经营部'])[1 + floor(random() * 4)::int] AS suffix,
    '1' || (ARRAY['3', '5', '8', '7', '9'])[1 + floor(random() * 5)::int] || lpad(floor(random() * 1000000000)::bigint::text, 9, '0') AS phone
  FROM generate_series(@from, @to) AS i,
    (SELECT ARRAY['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高',
                  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
                  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
                  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
                  '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '覃', '武', '戴', '莫', '孔', '向', '汤',
                  '欧阳', '司马', '上官', '诸葛'] AS names) AS s,
    (SELECT ARRAY['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
                  '刚', '桂', '英', '华', '建', '国', '文', '玉', '兰', '红', '梅', '辉', '鹏', '飞', '斌', '宇', '浩', '凯', '健', '俊',
                  '帆', '旭', '宁', '龙', '林', '欣', '晨', '雪', '琳', '晶', '妍', '婷', '颖', '露', '瑶', '怡', '丹', '蓉', '君', '琴',
                  '薇', '梦', '岚', '晓', '欢', '枫', '芸', '菲', '亚', '宜', '可', '舒', '思', '志', '荣', '德', '海', '波', '贵', '福',
                  '生', '元', '全', '胜', '学', '祥', '才', '发', '成', '康', '星', '光', '天', '达', '安', '岩', '中', '茂', '进', '益',
                  '清', '彬', '富', '顺', '信', '子', '昌', '锋', '鑫', '琪', '佳', '嘉', '振', '峰', '泽', '睿', '轩', '翔', '博', '航'] AS chars) AS g
) AS c
JOIN bench.owners o ON o.n = c.i % 200;
