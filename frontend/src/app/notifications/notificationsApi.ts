import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/client';

const keys = {
  all: ['notifications'] as const,
  unread: () => [...keys.all, 'unread'] as const,
  latest: () => [...keys.all, 'latest'] as const,
};

/** How often the bell asks for its number: notifications come from jobs and other people, not from this page. */
const unreadPollMs = 60_000;
const latestCount = 20;

export function useUnreadCount() {
  const api = useApi();
  return useQuery({
    queryKey: keys.unread(),
    queryFn: ({ signal }) => api.me.countUnreadNotifications(signal),
    refetchInterval: unreadPollMs,
    select: (unread) => unread.count,
  });
}

export function useLatestNotifications(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: keys.latest(),
    queryFn: ({ signal }) => api.me.listNotifications(undefined, undefined, latestCount, signal),
    enabled,
    select: (page) => page.items,
  });
}

export function useMarkRead() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id?: string) => (id ? api.me.markNotificationRead(id) : api.me.markAllNotificationsRead()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
