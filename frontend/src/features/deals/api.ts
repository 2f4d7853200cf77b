import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/client';
import {
  DealInput,
  DealStageInput,
  LoseDealInput,
  ProductInput,
  WinDealInput,
  type DealCardDto,
  type DealDto,
  type IDealInput,
  type ILoseDealInput,
  type IProductInput,
  type ProductDto,
} from '../../api/generated/crm-client';
import { useIdempotencyKey } from '../../shared/idempotency';

export const dealKeys = {
  all: ['deals'] as const,
  stages: () => [...dealKeys.all, 'stages'] as const,
  boards: () => [...dealKeys.all, 'board'] as const,
  board: (filters: BoardFilters) => [...dealKeys.boards(), filters] as const,
  detail: (id: string) => [...dealKeys.all, 'detail', id] as const,
  history: (id: string) => [...dealKeys.detail(id), 'history'] as const,
  products: (q: string, includeArchived: boolean) => [...dealKeys.all, 'products', q, includeArchived] as const,
};

export interface BoardFilters {
  ownerId?: string;
  expectedCloseFrom?: string;
  expectedCloseTo?: string;
}

/** The strong ETag the API expects back in If-Match: the row version, quoted. */
export function etagOf(record: { version: number }): string {
  return `"${record.version}"`;
}

export function useStages() {
  const api = useApi();
  return useQuery({ queryKey: dealKeys.stages(), queryFn: ({ signal }) => api.deals.stages(signal), staleTime: 5 * 60_000 });
}

export function useBoard(filters: BoardFilters) {
  const api = useApi();
  return useQuery({
    queryKey: dealKeys.board(filters),
    queryFn: ({ signal }) => api.deals.board(filters.ownerId, undefined, filters.expectedCloseFrom, filters.expectedCloseTo, undefined, undefined, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDeal(id: string) {
  const api = useApi();
  return useQuery({ queryKey: dealKeys.detail(id), queryFn: ({ signal }) => api.deals.get(id, signal), staleTime: 0 });
}

export function useStageHistory(id: string) {
  const api = useApi();
  return useQuery({ queryKey: dealKeys.history(id), queryFn: ({ signal }) => api.deals.stageHistory(id, signal) });
}

/** After any change of a deal: its page shows the answer, the board and its history are read again. */
function useDealChanged() {
  const queryClient = useQueryClient();
  return async (deal: DealDto) => {
    queryClient.setQueryData(dealKeys.detail(deal.id), deal);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: dealKeys.boards() }),
      queryClient.invalidateQueries({ queryKey: dealKeys.history(deal.id) }),
    ]);
  };
}

export function useCreateDeal() {
  const api = useApi();
  const changed = useDealChanged();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (fields: IDealInput) => api.deals.create(idempotency.key, new DealInput(fields)),
    onError: idempotency.renewAfterClientError,
    onSuccess: async (deal) => {
      idempotency.renew();
      await changed(deal);
    },
  });
}

export function useUpdateDeal(deal: DealDto | undefined) {
  const api = useApi();
  const changed = useDealChanged();
  return useMutation({
    mutationFn: (fields: IDealInput) => {
      if (!deal) {
        throw new Error('The deal is not loaded yet.');
      }
      return api.deals.update(deal.id, etagOf(deal), new DealInput(fields));
    },
    onSuccess: changed,
  });
}

/** A card (or a deal) as the board last read it: the version its move is checked against. */
type Versioned = Pick<DealCardDto, 'id' | 'version'>;

export function useMoveDeal() {
  const api = useApi();
  const changed = useDealChanged();
  return useMutation({
    mutationFn: ({ deal, stage }: { deal: Versioned; stage: string }) => api.deals.move(deal.id, etagOf(deal), new DealStageInput({ stage })),
    onSuccess: changed,
  });
}

export function useWinDeal() {
  const api = useApi();
  const changed = useDealChanged();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ deal, wonOn }: { deal: Versioned; wonOn?: string }) => api.deals.win(deal.id, etagOf(deal), idempotency.key, new WinDealInput({ wonOn })),
    onError: idempotency.renewAfterClientError,
    onSuccess: async (deal) => {
      idempotency.renew();
      await changed(deal);
    },
  });
}

export function useLoseDeal() {
  const api = useApi();
  const changed = useDealChanged();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ deal, loss }: { deal: Versioned; loss: ILoseDealInput }) => api.deals.lose(deal.id, etagOf(deal), idempotency.key, new LoseDealInput(loss)),
    onError: idempotency.renewAfterClientError,
    onSuccess: async (deal) => {
      idempotency.renew();
      await changed(deal);
    },
  });
}

export function useReopenDeal() {
  const api = useApi();
  const changed = useDealChanged();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (deal: Versioned) => api.deals.reopen(deal.id, etagOf(deal), idempotency.key),
    onError: idempotency.renewAfterClientError,
    onSuccess: async (deal) => {
      idempotency.renew();
      await changed(deal);
    },
  });
}

/** The catalogue by name, first page (pickers and the products page search on the server). */
export function useProducts(q: string, includeArchived = false) {
  const api = useApi();
  return useQuery({
    queryKey: dealKeys.products(q, includeArchived),
    queryFn: ({ signal }) => api.products.list(q || undefined, undefined, includeArchived || undefined, undefined, 200, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSaveProduct(product: ProductDto | undefined) {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (fields: IProductInput) =>
      product ? api.products.update(product.id, etagOf(product), new ProductInput(fields)) : api.products.create(idempotency.key, new ProductInput(fields)),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await queryClient.invalidateQueries({ queryKey: [...dealKeys.all, 'products'] });
    },
  });
}

export function useArchiveProduct() {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (product: ProductDto) => api.products.archive(product.id, etagOf(product), idempotency.key),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await queryClient.invalidateQueries({ queryKey: [...dealKeys.all, 'products'] });
    },
  });
}
