import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './session';
import { PageError, PageLoading } from '../../shared/ui/PageStates';

/** Renders its children for a signed-in user; sends anyone else to /login and back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) {
    return <PageLoading />;
  }
  if (session.isError) {
    return <PageError error={session.error} onRetry={() => void session.refetch()} />;
  }
  if (!session.data) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return children;
}
