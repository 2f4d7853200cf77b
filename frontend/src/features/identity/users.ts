import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/client';
import type { UserDto } from '../../api/generated/crm-client';

/** The largest page the API serves: every colleague a rep or manager can see fits in it. */
const directoryPageSize = 200;

/** Colleagues within the caller's record scope: owner filter options and owner names in lists. */
export function useColleagues() {
  const api = useApi();
  return useQuery({
    queryKey: ['users', 'directory'],
    queryFn: ({ signal }) => api.users.list(undefined, undefined, directoryPageSize, signal),
    select: (page): UserDto[] => page.items,
    staleTime: 10 * 60_000,
  });
}
