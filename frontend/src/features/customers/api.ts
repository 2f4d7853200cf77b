import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/client';
import type { CustomerDto, CustomerInput, DuplicatesDto, MergedCustomerProblem, PossibleDuplicatesProblem, SavedFilterInput } from '../../api/generated/customers-client';
import { useIdempotencyKey } from '../../shared/idempotency';
import type { CustomerFilters } from './filters';
import { etagOf } from '../../api/etag';

const customerPageSize = 50;

export const customerKeys = {
  all: ['customers'] as const,
  savedFilters: () => [...customerKeys.all, 'savedFilters'] as const,
  upcoming: (days: number) => [...customerKeys.all, 'upcoming', days] as const,
  festivals: (days: number) => [...customerKeys.all, 'festivals', days] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (filters: CustomerFilters) => [...customerKeys.lists(), filters] as const,
  detail: (id: string) => [...customerKeys.all, 'detail', id] as const,
};

export type CustomerFields = CustomerInput;

/** Keyset pages: each "load more" passes the previous page's nextCursor. */
export function useCustomerList(filters: CustomerFilters) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: customerKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.customers.list(
        filters.q,
        filters.stage,
        filters.ownerId,
        filters.importance,
        filters.priorityTier,
        filters.relationshipLevel,
        filters.region,
        filters.industry,
        filters.source,
        filters.tag,
        filters.overdue,
        filters.valueTier,
        filters.sort,
        pageParam,
        customerPageSize,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    select: (data) => ({ customers: data.pages.flatMap((page) => page.items), pages: data.pages.length }),
  });
}

export function useCustomer(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => api.customers.get(id, signal),
    staleTime: 0,
  });
}

/** A problem the client threw as the API sent it (a documented status), when its code is the one asked for. */
function problemWithCode<T extends object>(error: unknown, code: string): T | undefined {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code ? (error as T) : undefined;
}

/** The candidates of a create's 409 "looks like an existing customer"; undefined for any other failure. */
export function possibleDuplicatesOf(error: unknown): DuplicatesDto | undefined {
  const problem = problemWithCode<PossibleDuplicatesProblem>(error, 'customer.possible_duplicate');
  return problem ? { candidates: problem.candidates ?? [], otherMatches: problem.otherMatches ?? 0 } : undefined;
}

/** The survivor's id when the customer asked for was merged into another (a 404 that says where it went). */
export function mergedIntoOf(error: unknown): string | undefined {
  return problemWithCode<MergedCustomerProblem>(error, 'customer.merged')?.mergedIntoId;
}

/**
 * Creates once however often it is retried; the corrected form after a 4xx is a new request (see useIdempotencyKey).
 * One that looks like an existing customer fails with possibleDuplicatesOf(error) until sent again with confirmDuplicate.
 */
export function useCreateCustomer() {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ fields, confirmDuplicate }: { fields: CustomerFields; confirmDuplicate?: boolean }) =>
      api.customers.create(confirmDuplicate || undefined, idempotency.key, fields),
    onError: idempotency.renewAfterClientError,
    onSuccess: async (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      await queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
    },
  });
}

export function useUpdateCustomer(customer: CustomerDto | undefined) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: CustomerFields) => {
      if (!customer) {
        throw new Error('The customer is not loaded yet.');
      }
      return api.customers.update(customer.id, etagOf(customer), fields);
    },
    onSuccess: async (updated) => {
      queryClient.setQueryData(customerKeys.detail(updated.id), updated);
      // The card's history (and, for a new owner, its ownership tab) changed with it.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.detail(updated.id), predicate: (query) => query.queryKey.length > customerKeys.detail(updated.id).length }),
        queryClient.invalidateQueries({ queryKey: customerKeys.lists() }),
      ]);
    },
  });
}

export function useArchiveCustomer() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (customer: CustomerDto) => api.customers.archive(customer.id, etagOf(customer)),
    onSuccess: async (_, customer) => {
      queryClient.removeQueries({ queryKey: customerKeys.detail(customer.id) });
      await queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
    },
  });
}

/** The user's named list filters. */
export function useSavedFilters() {
  const api = useApi();
  return useQuery({ queryKey: customerKeys.savedFilters(), queryFn: ({ signal }) => api.customers.listSavedFilters(signal) });
}

/** Keeps a filter under a name (the server replaces the user's filter of that name). */
export function useSaveFilter() {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (filter: SavedFilterInput) => api.customers.saveFilter(idempotency.key, filter),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await queryClient.invalidateQueries({ queryKey: customerKeys.savedFilters() });
    },
  });
}

export function useDeleteSavedFilter() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.customers.deleteSavedFilter(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: customerKeys.savedFilters() }),
  });
}

/** The key dates of the customers the user may see in the next days, soonest first. */
export function useUpcomingKeyDates(days: number) {
  const api = useApi();
  return useQuery({ queryKey: customerKeys.upcoming(days), queryFn: ({ signal }) => api.customers.upcomingKeyDates(days, 200, signal) });
}

/** China's statutory festivals in the next days: the same for everyone, so kept for an hour. */
export function useUpcomingFestivals(days: number) {
  const api = useApi();
  return useQuery({ queryKey: customerKeys.festivals(days), queryFn: ({ signal }) => api.customers.upcomingFestivals(days, signal), staleTime: 3_600_000 });
}
