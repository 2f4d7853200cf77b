import { lazy } from 'react';
import type { PathRouteProps } from 'react-router';

// One chunk per page: the first load carries only the page the user opens.
const CustomersPage = lazy(() => import('./CustomersPage'));
const CustomerCreatePage = lazy(() => import('./CustomerCreatePage'));
const CustomerEditPage = lazy(() => import('./CustomerEditPage'));
const CustomerCardPage = lazy(() => import('./card/CustomerCardPage'));
const PoolPage = lazy(() => import('./PoolPage'));
const SettingsPage = lazy(() => import('./SettingsPage'));
const UpcomingPage = lazy(() => import('./UpcomingPage'));
const ImportPage = lazy(() => import('./import/ImportPage'));

/** The customers pages, mounted by app/router.tsx inside the signed-in frame. */
export const customersRoutes: PathRouteProps[] = [
  { path: 'customers', element: <CustomersPage /> },
  { path: 'customers/new', element: <CustomerCreatePage /> },
  { path: 'customers/pool', element: <PoolPage /> },
  { path: 'customers/settings', element: <SettingsPage /> },
  { path: 'customers/upcoming', element: <UpcomingPage /> },
  { path: 'customers/import', element: <ImportPage /> },
  { path: 'customers/:id', element: <CustomerCardPage /> },
  { path: 'customers/:id/edit', element: <CustomerEditPage /> },
];
