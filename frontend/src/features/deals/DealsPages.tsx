import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// One chunk per page: a page loads when it is opened.
const DealsBoardPage = lazy(() => import('./DealsBoardPage'));
const DealPage = lazy(() => import('./DealPage'));
const DealFormPage = lazy(() => import('./DealFormPage'));
const ProductsPage = lazy(() => import('./ProductsPage'));
const PipelinePage = lazy(() => import('./PipelinePage'));
const CollectionsPage = lazy(() => import('./CollectionsPage'));
const FocusPage = lazy(() => import('./FocusPage'));
const TargetsPage = lazy(() => import('./TargetsPage'));
const FunnelPage = lazy(() => import('./FunnelPage'));
const ScriptsPage = lazy(() => import('./ScriptsPage'));

/** The deals pages under /deals: one entry in the app's router, so the first load carries a single lazy import for them all. */
export default function DealsPages() {
  return (
    <Routes>
      <Route index element={<DealsBoardPage />} />
      <Route path="new" element={<DealFormPage />} />
      <Route path="products" element={<ProductsPage />} />
      <Route path="stages" element={<PipelinePage />} />
      <Route path="collections" element={<CollectionsPage />} />
      <Route path="focus" element={<FocusPage />} />
      <Route path="targets" element={<TargetsPage />} />
      <Route path="funnel" element={<FunnelPage />} />
      <Route path="objections" element={<ScriptsPage />} />
      <Route path=":id" element={<DealPage />} />
      <Route path=":id/edit" element={<DealFormPage />} />
    </Routes>
  );
}
