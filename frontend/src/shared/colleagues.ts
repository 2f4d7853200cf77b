import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/client';
import type { UserDto } from '../api/generated/platform-client';
import { useDebounced } from './useDebounced';

/** How many matches a picker offers: enough to choose from, small enough to read. */
const suggestionCount = 20;

/**
 * Colleagues within the caller's record scope whose name matches what the user typed, searched by the
 * server (GET /users?q=): an organisation of any size is searchable, not only its first page.
 * Until the server has answered for what was typed, the previous answer is shown narrowed to the names
 * containing it, so the list does not offer unrelated names that jump away under the pointer.
 */
export function useColleagueSearch(typed: string) {
  const api = useApi();
  const wanted = typed.trim();
  const q = useDebounced(wanted, 250);
  const search = useQuery({
    queryKey: ['users', 'search', q],
    queryFn: ({ signal }) => api.users.list(q || undefined, undefined, suggestionCount, signal),
    select: (page): UserDto[] => page.items,
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
  const answered = q === wanted && !search.isPlaceholderData;
  const needle = wanted.toLocaleLowerCase();
  const matches = answered
    ? search.data
    : search.data?.filter((u) => u.displayName.toLocaleLowerCase().includes(needle));
  return { matches: matches ?? [], searching: search.isFetching || !answered };
}
