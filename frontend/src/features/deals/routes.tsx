import { lazy } from 'react';
import type { PathRouteProps } from 'react-router';

// One chunk per page: the first load carries only the page the user opens.
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

/** The deals pages, mounted by app/router.tsx inside the signed-in frame. */
export const dealsRoutes: PathRouteProps[] = [
  { path: 'deals', element: <DealsBoardPage /> },
  { path: 'deals/new', element: <DealFormPage /> },
  { path: 'deals/products', element: <ProductsPage /> },
  { path: 'deals/stages', element: <PipelinePage /> },
  { path: 'deals/collections', element: <CollectionsPage /> },
  { path: 'deals/focus', element: <FocusPage /> },
  { path: 'deals/targets', element: <TargetsPage /> },
  { path: 'deals/funnel', element: <FunnelPage /> },
  { path: 'deals/objections', element: <ScriptsPage /> },
  { path: 'deals/:id', element: <DealPage /> },
  { path: 'deals/:id/edit', element: <DealFormPage /> },
];
