import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// One chunk per page: a page loads when it is opened (the Pareto chart's ECharts only with its page).
const ComplaintsListPage = lazy(() => import('./ComplaintsListPage'));
const ComplaintIntakePage = lazy(() => import('./ComplaintIntakePage'));
const ComplaintPage = lazy(() => import('./ComplaintPage'));
const ComplaintReportPage = lazy(() => import('./ComplaintReportPage'));
const AnswersPage = lazy(() => import('./AnswersPage'));
const ParetoPage = lazy(() => import('./ParetoPage'));

/** The complaints pages under /complaints: one entry in the app's router, so the first load carries a single lazy import for them all. */
export default function ComplaintsPages() {
  return (
    <Routes>
      <Route index element={<ComplaintsListPage />} />
      <Route path="new" element={<ComplaintIntakePage />} />
      <Route path="answers" element={<AnswersPage />} />
      <Route path="pareto" element={<ParetoPage />} />
      <Route path=":id" element={<ComplaintPage />} />
      <Route path=":id/report" element={<ComplaintReportPage />} />
    </Routes>
  );
}
