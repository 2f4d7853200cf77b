import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isClientError, toProblem } from '../api/problems';
import { meQueryKey } from './auth/session';

/** Client errors are answers, not glitches: only network failures and 5xx are retried. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < 2 && !isClientError(error);
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // The session ended (expired, signed out in another tab): back to the login page.
        if (toProblem(error).status === 401) {
          client.setQueryData(meQueryKey, null);
        }
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return client;
}
