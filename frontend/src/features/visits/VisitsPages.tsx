import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// One chunk per page: a page loads when it is opened.
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

/** The visits pages under /visits: one entry in the app's router, so the first load carries a single lazy import for them all. */
export default function VisitsPages() {
  return (
    <Routes>
      <Route index element={<MyDayPage />} />
      <Route path="week" element={<WeekPage />} />
      <Route path="confirmations" element={<ConfirmationsPage />} />
      <Route path="inbox" element={<InboxPage />} />
      <Route path="weekly" element={<WeeklyReportsPage />} />
      <Route path="weekly/:id" element={<WeeklyReportPage />} />
      <Route path="market-reports" element={<MarketReportsPage />} />
      <Route path="market-reports/:id" element={<MarketReportPage />} />
      <Route path="monthly" element={<MonthlyPage />} />
      <Route path="records" element={<VisitRowsPage />} />
      <Route path="plans" element={<PlanRowsPage />} />
      <Route path="reports" element={<ReportRowsPage />} />
    </Routes>
  );
}
