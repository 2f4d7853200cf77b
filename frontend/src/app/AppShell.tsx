import { LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Tooltip } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { PageLoading } from '../shared/ui/PageStates';
import { useLogout, useSession } from './auth/session';
import { LanguageSwitch } from './LanguageSwitch';
import { modules } from './modules';
import { NotificationBell } from './notifications/NotificationBell';

const roleKeys = ['Rep', 'Manager', 'Director', 'Service', 'Admin'] as const;
type RoleKey = (typeof roleKeys)[number];

export function AppShell() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me } = useSession();
  const logout = useLogout();
  const selected = modules.find((m) => location.pathname.startsWith(m.path))?.key;
  const role = roleKeys.includes(me?.role as RoleKey) ? t(`app.roles.${me?.role as RoleKey}`) : me?.role;

  return (
    <Layout className="shell">
      <Layout.Sider breakpoint="lg" collapsedWidth={64} width={208} theme="dark" className="shell__sider">
        <Link to="/" className="shell__brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="shell__brand-name">{t('app.name')}</span>
        </Link>
        <nav aria-label={t('app.menu')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={modules.map((m) => ({ key: m.key, icon: m.icon, label: <Link to={m.path}>{t(`nav.${m.key}`)}</Link> }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="shell__header">
          <div className="shell__header-bar">
            <LanguageSwitch />
            <NotificationBell />
            <div className="shell__identity">
              <span className="shell__avatar" aria-hidden>
                {me?.displayName.slice(0, 1)}
              </span>
              <span className="shell__user">
                <strong>{me?.displayName}</strong>
                <small>{[role, me?.teamName].filter(Boolean).join(' · ')}</small>
              </span>
            </div>
            <Tooltip title={t('app.logout')}>
              <Button icon={<LogoutOutlined />} aria-label={t('app.logout')} loading={logout.isPending} onClick={() => logout.mutate()} />
            </Tooltip>
          </div>
        </Layout.Header>
        <Layout.Content className="shell__content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
