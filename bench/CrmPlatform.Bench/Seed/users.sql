-- 200 owners in 20 teams of 10 (a manager and nine reps each). The demo teams East and West keep
-- their demo manager and rep; every bench user gets the demo users' password.
INSERT INTO identity.regions (id, name)
SELECT gen_random_uuid(), region FROM unnest(ARRAY['华北', '华南', '华中', '东北', '西北']) AS region
ON CONFLICT (name) DO NOTHING;

INSERT INTO identity.teams (id, name, region_id)
SELECT gen_random_uuid(), 'Team ' || lpad(n::text, 2, '0'), (SELECT id FROM identity.regions ORDER BY name OFFSET n % 5 LIMIT 1)
FROM generate_series(3, 20) AS n
ON CONFLICT (name) DO NOTHING;

CREATE TEMP TABLE bench_new_users AS
SELECT gen_random_uuid() AS id, team.id AS team_id, team.n, slot,
       slot = 1 AND NOT EXISTS (
         SELECT 1 FROM identity.users u JOIN identity.user_roles ur ON ur.user_id = u.id JOIN identity.roles r ON r.id = ur.role_id
         WHERE u.team_id = team.id AND r.name = 'Manager') AS is_manager
FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM identity.teams) AS team
CROSS JOIN LATERAL generate_series(1, 10 - (SELECT count(*)::int FROM identity.users u WHERE u.team_id = team.id)) AS slot;

INSERT INTO identity.users (id, display_name, team_id, user_name, normalized_user_name, email_confirmed, password_hash,
  security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
SELECT b.id, (ARRAY['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'])[1 + (b.n + b.slot) % 10]
             || (ARRAY['建国', '海燕', '志强', '秀英', '文杰', '丽娟', '国华', '晓明', '静怡', '子豪'])[1 + b.slot % 10],
       b.team_id, 'bench.' || b.n || '.' || b.slot, upper('bench.' || b.n || '.' || b.slot), false, template.password_hash,
       template.security_stamp, gen_random_uuid()::text, false, false, true, 0
FROM bench_new_users b, (SELECT password_hash, security_stamp FROM identity.users WHERE user_name = 'rep.east') AS template;

INSERT INTO identity.user_roles (user_id, role_id)
SELECT b.id, r.id FROM bench_new_users b JOIN identity.roles r ON r.name = CASE WHEN b.is_manager THEN 'Manager' ELSE 'Rep' END;

-- The owners, numbered 0..199: customer i belongs to owner i % 200.
CREATE SCHEMA bench;
CREATE TABLE bench.owners AS
SELECT (row_number() OVER (ORDER BY u.id) - 1)::int AS n, u.id, u.team_id
FROM identity.users u
WHERE u.team_id IS NOT NULL;
