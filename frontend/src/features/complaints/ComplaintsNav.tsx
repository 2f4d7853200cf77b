import { BarChartOutlined, BookOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

const pages = [
  { path: '/complaints', key: 'list', icon: <UnorderedListOutlined /> },
  { path: '/complaints/new', key: 'intake', icon: <PlusOutlined /> },
  { path: '/complaints/answers', key: 'answers', icon: <BookOutlined /> },
  { path: '/complaints/pareto', key: 'pareto', icon: <BarChartOutlined /> },
] as const;

/** The complaints pages, one button each; the current page's is highlighted. */
export function ComplaintsNav() {
  const { t } = useTranslation('complaints');
  const { pathname } = useLocation();
  return (
    <Space wrap className="complaints-nav">
      {pages.map((page) => (
        <Link key={page.path} to={page.path}>
          <Button icon={page.icon} type={pathname === page.path ? 'primary' : 'default'}>
            {t(`nav.${page.key}`)}
          </Button>
        </Link>
      ))}
    </Space>
  );
}
