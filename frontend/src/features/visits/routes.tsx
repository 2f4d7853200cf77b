import { lazy } from 'react';
import type { PathRouteProps } from 'react-router';

// One chunk per page: the first load carries only the page the user opens.
const MyDayPage = lazy(() => import('./MyDayPage'));
const WeekPage = lazy(() => import('./WeekPage'));
const ConfirmationsPage = lazy(() => import('./ConfirmationsPage'));
const InboxPage = lazy(() => import('./InboxPage'));
const WeeklyReportsPage = lazy(() => import('./WeeklyReportsPage'));
const WeeklyReportPage = lazy(() => import('./WeeklyReportPage'));
const MarketReportsPage = lazy(() => import('./MarketReportsPage'));
const MarketReportPage = lazy(() => import('./MarketReportsPage').then((m) => ({ default: m.MarketReportPage })));
const MonthlyPage = lazy(() => import('./MonthlyPage'));
const VisitRowsPage = lazy(() => import('./RowsPage').then((m) => ({ default: m.VisitRowsPage })));
const PlanRowsPage = lazy(() => import('./RowsPage').then((m) => ({ default: m.PlanRowsPage })));
const ReportRowsPage = lazy(() => import('./RowsPage').then((m) => ({ default: m.ReportRowsPage })));

/** The visits pages, mounted by app/router.tsx inside the signed-in frame. */
export const visitsRoutes: PathRouteProps[] = [
  { path: 'visits', element: <MyDayPage /> },
  { path: 'visits/week', element: <WeekPage /> },
  { path: 'visits/confirmations', element: <ConfirmationsPage /> },
  { path: 'visits/inbox', element: <InboxPage /> },
  { path: 'visits/weekly', element: <WeeklyReportsPage /> },
  { path: 'visits/weekly/:id', element: <WeeklyReportPage /> },
  { path: 'visits/market-reports', element: <MarketReportsPage /> },
  { path: 'visits/market-reports/:id', element: <MarketReportPage /> },
  { path: 'visits/monthly', element: <MonthlyPage /> },
  { path: 'visits/records', element: <VisitRowsPage /> },
  { path: 'visits/plans', element: <PlanRowsPage /> },
  { path: 'visits/reports', element: <ReportRowsPage /> },
];
