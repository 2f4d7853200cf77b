import { lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { complaintsRoutes } from '../features/complaints/routes';
import { customersRoutes } from '../features/customers/routes';
import { dealsRoutes } from '../features/deals/routes';
import { visitsRoutes } from '../features/visits/routes';
import { AppShell } from './AppShell';
import { RequireSession } from './auth/RequireSession';
import { modules } from './modules';

// One chunk per route: the first load carries only the page the user opens.
const LoginPage = lazy(() => import('./auth/LoginPage'));
const NotAvailablePage = lazy(() => import('./NotAvailablePage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

/** Every feature's pages, one line per feature; each feature's routes.tsx keeps its pages lazy. */
const featureRoutes = [...customersRoutes, ...dealsRoutes, ...visitsRoutes, ...complaintsRoutes];

export function AppRoutes() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireSession>
              <AppShell />
            </RequireSession>
          }
        >
          <Route index element={<Navigate to="/customers" replace />} />
          {featureRoutes.map((route) => (
            <Route key={route.path} {...route} />
          ))}
          {modules
            .filter((m) => !m.available)
            .map((m) => (
              <Route key={m.key} path={m.path} element={<NotAvailablePage module={m.key} />} />
            ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
