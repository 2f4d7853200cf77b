import { lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AppShell } from './AppShell';
import { RequireSession } from './auth/RequireSession';
import { modules } from './modules';

// One chunk per route: the first load carries only the page the user opens.
const LoginPage = lazy(() => import('./auth/LoginPage'));
const NotAvailablePage = lazy(() => import('./NotAvailablePage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));
const CustomersPage = lazy(() => import('../features/customers/CustomersPage'));
const CustomerCreatePage = lazy(() => import('../features/customers/CustomerCreatePage'));
const CustomerEditPage = lazy(() => import('../features/customers/CustomerEditPage'));

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
          <Route path="customers" element={<CustomersPage />} />
          <Route path="customers/new" element={<CustomerCreatePage />} />
          <Route path="customers/:id" element={<CustomerEditPage />} />
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
