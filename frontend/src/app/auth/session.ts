import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useApi, type Api } from '../../api/client';
import { hasStatus } from '../../api/problems';
import type { MeDto } from '../../api/generated/platform-client';

export const meQueryKey = ['me'] as const;

/**
 * Drops everything cached for the previous user. The session query itself is kept (set, not removed),
 * so the pages watching it see the change: removing it would leave them watching a query that is gone.
 */
function forgetPreviousUser(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
}

/** The signed-in user, or null when there is no session (401). */
function sessionQuery(api: Api) {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: async ({ signal }): Promise<MeDto | null> => {
      try {
        return await api.me.get(signal);
      } catch (error) {
        if (hasStatus(error, 401)) {
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useSession() {
  return useQuery(sessionQuery(useApi()));
}

/**
 * Downloads a file the server streams (an export) once the session is known to be alive: a plain link
 * would save an expired session's 401 problem as the file. Without a session the page goes to the
 * login, as after any 401.
 */
export function useDownload(): (url: string) => Promise<void> {
  const api = useApi();
  const queryClient = useQueryClient();
  return async (url) => {
    const me = await queryClient.fetchQuery({ ...sessionQuery(api), staleTime: 0 });
    if (me) {
      const link = document.createElement('a');
      link.href = url;
      link.download = '';
      document.body.append(link);
      link.click();
      link.remove();
    }
  };
}

export function useLogin() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { userName: string; password: string }) =>
      api.auth.login(true, credentials),
    onSuccess: async () => {
      forgetPreviousUser(queryClient);
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useLogout() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.auth.logout(),
    onSettled: () => {
      queryClient.setQueryData(meQueryKey, null);
      forgetPreviousUser(queryClient);
    },
  });
}
