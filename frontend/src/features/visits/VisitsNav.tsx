import { AuditOutlined, BarChartOutlined, CalendarOutlined, FileTextOutlined, PhoneOutlined, ScheduleOutlined, ShopOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../app/auth/session';

/** Who signs off plans and reports and reads the monthly view (the server decides; this only hides what would answer 403). */
const supervisorRoles = ['Manager', 'Director', 'Admin'];

const pages = [
  { path: '/visits', key: 'myDay', icon: <ScheduleOutlined />, supervisorsOnly: false },
  { path: '/visits/week', key: 'week', icon: <CalendarOutlined />, supervisorsOnly: false },
  { path: '/visits/confirmations', key: 'confirmations', icon: <PhoneOutlined />, supervisorsOnly: false },
  { path: '/visits/inbox', key: 'inbox', icon: <AuditOutlined />, supervisorsOnly: true },
  { path: '/visits/weekly', key: 'weekly', icon: <FileTextOutlined />, supervisorsOnly: false },
  { path: '/visits/market-reports', key: 'market', icon: <ShopOutlined />, supervisorsOnly: false },
  { path: '/visits/monthly', key: 'monthly', icon: <BarChartOutlined />, supervisorsOnly: true },
] as const;

/** The visits pages, one button each; the current page's is highlighted. */
export function VisitsNav() {
  const { t } = useTranslation('visits');
  const { pathname } = useLocation();
  const { data: me } = useSession();
  const supervisor = supervisorRoles.includes(me?.role ?? '');
  return (
    <Space wrap className="visits-nav">
      {pages
        .filter((page) => supervisor || !page.supervisorsOnly)
        .map((page) => (
          <Link key={page.path} to={page.path}>
            <Button icon={page.icon} type={pathname === page.path ? 'primary' : 'default'}>
              {t(`nav.${page.key}`)}
            </Button>
          </Link>
        ))}
    </Space>
  );
}
