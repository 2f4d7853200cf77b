import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../api/client';
import type { ContactDto, ContactInput, CustomerDto, DuplicateCandidateDto, InteractionInput, KeyDateInput, TransferInput, ValueTierOverrideInput } from '../../../api/generated/customers-client';
import { hasStatus } from '../../../api/problems';
import { customerKeys } from '../api';
import { useIdempotencyKey } from '../../../shared/idempotency';

const timelinePageSize = 20;
const historyPageSize = 20;

export const cardKeys = {
  timeline: (id: string) => [...customerKeys.detail(id), 'timeline'] as const,
  history: (id: string) => [...customerKeys.detail(id), 'history'] as const,
  contacts: (id: string) => [...customerKeys.detail(id), 'contacts'] as const,
  keyDates: (id: string) => [...customerKeys.detail(id), 'keyDates'] as const,
  ownership: (id: string) => [...customerKeys.detail(id), 'ownership'] as const,
  duplicates: (id: string) => [...customerKeys.detail(id), 'duplicates'] as const,
  purchases: (id: string) => [...customerKeys.detail(id), 'purchases'] as const,
};

/** The customer's timeline, newest first, a page at a time. */
export function useTimeline(customerId: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: cardKeys.timeline(customerId),
    queryFn: ({ pageParam, signal }) => api.customers.listInteractions(customerId, pageParam, timelinePageSize, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
}

/** 成交档案: what the customer bought (won deals), newest first, a page at a time. */
export function usePurchases(customerId: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: cardKeys.purchases(customerId),
    queryFn: ({ pageParam, signal }) => api.customers.listPurchases(customerId, pageParam, historyPageSize, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
}

/** Who changed what, newest first, a page at a time. */
export function useHistory(customerId: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: cardKeys.history(customerId),
    queryFn: ({ pageParam, signal }) => api.customers.history(customerId, pageParam, historyPageSize, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
}

/**
 * An entry on the timeline. It moves the customer's last contact, so the customer (its cadence) is read
 * again; a retried request records it once (Idempotency-Key per attempt).
 */
export function useAddInteraction(customerId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (entry: InteractionInput) => api.customers.addInteraction(customerId, idempotency.key, entry),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: cardKeys.timeline(customerId) }),
        queryClient.invalidateQueries({ queryKey: customerKeys.detail(customerId), exact: true }),
        queryClient.invalidateQueries({ queryKey: customerKeys.lists() }),
      ]);
    },
  });
}

export function useContacts(customerId: string) {
  const api = useApi();
  return useQuery({ queryKey: cardKeys.contacts(customerId), queryFn: ({ signal }) => api.customers.listContacts(customerId, signal) });
}

/**
 * A contact's name and phone are part of the customer (search finds it by them), so a contact change gives the
 * customer a new version: read it again, or the next profile edit from the card would be refused as stale.
 */
function contactsChanged(queryClient: QueryClient, customerId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: cardKeys.contacts(customerId) }),
    queryClient.invalidateQueries({ queryKey: customerKeys.detail(customerId), exact: true }),
    queryClient.invalidateQueries({ queryKey: customerKeys.lists() }),
  ]);
}

/** Adds a contact, or replaces one (If-Match with the version the dialog opened with). */
export function useSaveContact(customerId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ contact, fields }: { contact?: ContactDto; fields: ContactInput }) =>
      contact
        ? api.customers.updateContact(customerId, contact.id, `"${contact.version}"`, fields)
        : api.customers.addContact(customerId, idempotency.key, fields),
    onError: async (error) => {
      idempotency.renewAfterClientError(error);
      if (hasStatus(error, 412)) {
        // Someone else saved it: show their version.
        await queryClient.invalidateQueries({ queryKey: cardKeys.contacts(customerId) });
      }
    },
    onSuccess: async () => {
      idempotency.renew();
      await contactsChanged(queryClient, customerId);
    },
  });
}

export function useRemoveContact(customerId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contact: ContactDto) => api.customers.removeContact(customerId, contact.id, `"${contact.version}"`),
    onSettled: () => contactsChanged(queryClient, customerId),
  });
}

export function useKeyDates(customerId: string) {
  const api = useApi();
  return useQuery({ queryKey: cardKeys.keyDates(customerId), queryFn: ({ signal }) => api.customers.listKeyDates(customerId, signal) });
}

export function useAddKeyDate(customerId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (keyDate: KeyDateInput) => api.customers.addKeyDate(customerId, idempotency.key, keyDate),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await queryClient.invalidateQueries({ queryKey: cardKeys.keyDates(customerId) });
    },
  });
}

export function useRemoveKeyDate(customerId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyDateId: string) => api.customers.removeKeyDate(customerId, keyDateId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: cardKeys.keyDates(customerId) }),
  });
}

export function useOwnershipHistory(customerId: string) {
  const api = useApi();
  return useQuery({ queryKey: cardKeys.ownership(customerId), queryFn: ({ signal }) => api.customers.ownershipHistory(customerId, signal) });
}

/** Gives the customer to another rep (If-Match: the version the card shows). */
export function useTransfer(customer: CustomerDto) {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (transfer: TransferInput) => api.customers.transfer(customer.id, `"${customer.version}"`, idempotency.key, transfer),
    onError: async (error) => {
      idempotency.renewAfterClientError(error);
      if (hasStatus(error, 412)) {
        await queryClient.invalidateQueries({ queryKey: customerKeys.detail(customer.id), exact: true });
      }
    },
    onSuccess: async (moved) => {
      idempotency.renew();
      queryClient.setQueryData(customerKeys.detail(moved.id), moved);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: cardKeys.ownership(moved.id) }),
        queryClient.invalidateQueries({ queryKey: cardKeys.history(moved.id) }),
        queryClient.invalidateQueries({ queryKey: customerKeys.lists() }),
      ]);
    },
  });
}

/** Sets the value tier by hand, or gives it back to the purchases (tier undefined), with a reason (If-Match: the version the card shows). */
export function useOverrideValueTier(customer: CustomerDto) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ValueTierOverrideInput) => api.customers.overrideValueTier(customer.id, `"${customer.version}"`, input),
    onError: async (error) => {
      if (hasStatus(error, 412)) {
        await queryClient.invalidateQueries({ queryKey: customerKeys.detail(customer.id), exact: true });
      }
    },
    onSuccess: async (changed) => {
      queryClient.setQueryData(customerKeys.detail(changed.id), changed);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: cardKeys.history(changed.id) }),
        queryClient.invalidateQueries({ queryKey: customerKeys.lists() }),
      ]);
    },
  });
}

/** Lets the customer go back to its team's pool (If-Match: the version the card shows). */
export function useRelease(customer: CustomerDto) {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: () => api.customers.release(customer.id, `"${customer.version}"`, idempotency.key, {}),
    onSuccess: async () => {
      idempotency.renew();
      queryClient.removeQueries({ queryKey: customerKeys.detail(customer.id) });
      await queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
    onError: async (error) => {
      idempotency.renewAfterClientError(error);
      // Changed meanwhile: read the current version, so trying again can succeed.
      await queryClient.invalidateQueries({ queryKey: customerKeys.detail(customer.id), exact: true });
    },
  });
}

/** Other customers that may be this one (same phone, or same name at the same company). */
export function useDuplicates(customerId: string) {
  const api = useApi();
  return useQuery({ queryKey: cardKeys.duplicates(customerId), queryFn: ({ signal }) => api.customers.duplicates(customerId, signal) });
}

/**
 * Merges a duplicate into the customer on the card, at the versions the user compared (If-Match for the card's
 * customer, duplicateVersion for the other). Afterwards everything the card shows has changed.
 */
export function useMerge(survivor: CustomerDto) {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (duplicate: DuplicateCandidateDto) =>
      api.customers.merge(
        survivor.id,
        `"${survivor.version}"`,
        idempotency.key,
        { duplicateId: duplicate.id, duplicateVersion: duplicate.version },
      ),
    onError: async (error) => {
      idempotency.renewAfterClientError(error);
      if (hasStatus(error, 412)) {
        await queryClient.invalidateQueries({ queryKey: customerKeys.detail(survivor.id) });
      }
    },
    onSuccess: async (merged, duplicate) => {
      idempotency.renew();
      queryClient.removeQueries({ queryKey: customerKeys.detail(duplicate.id) });
      queryClient.setQueryData(customerKeys.detail(merged.id), merged);
      // Everything about the survivor, and every list and count the duplicate was in.
      await queryClient.invalidateQueries({ queryKey: customerKeys.all, predicate: (query) => query.state.data !== merged });
    },
  });
}
