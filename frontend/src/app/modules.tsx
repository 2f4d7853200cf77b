import {
  BarChartOutlined,
  CalendarOutlined,
  FundOutlined,
  HeartOutlined,
  ShareAltOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type ModuleKey = 'customers' | 'deals' | 'visits' | 'complaints' | 'retention' | 'referrals' | 'reports';

export interface ModuleEntry {
  key: ModuleKey;
  path: string;
  icon: ReactNode;
  /** Whether the module has pages yet; the others show an honest "not available yet". */
  available: boolean;
}

/** The navigation, one entry per backend module, in the order sales people work through them. */
export const modules: ModuleEntry[] = [
  { key: 'customers', path: '/customers', icon: <TeamOutlined />, available: true },
  { key: 'deals', path: '/deals', icon: <FundOutlined />, available: true },
  { key: 'visits', path: '/visits', icon: <CalendarOutlined />, available: true },
  { key: 'complaints', path: '/complaints', icon: <WarningOutlined />, available: true },
  { key: 'retention', path: '/retention', icon: <HeartOutlined />, available: false },
  { key: 'referrals', path: '/referrals', icon: <ShareAltOutlined />, available: false },
  { key: 'reports', path: '/reports', icon: <BarChartOutlined />, available: false },
];
