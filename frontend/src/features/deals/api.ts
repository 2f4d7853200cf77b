import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Http, useModuleApi } from '../../api/client';
import { AgeingGroup, CollectionsClient, type DealCardDto, type DealDto, DealsClient, type DealInput, type InvoiceInput, InvoiceState, type LoseDealInput, type PaymentInput, type PipelineDto, type PipelineStageInput, type ProductDto, ProductsClient, type ProductInput, type TargetDto, type TargetInput, type TargetKind, TargetsClient, type TargetSplitInput, type DealObjectionInput, type Objection, ObjectionsClient, type ObjectionScriptDto, type ObjectionScriptInput } from '../../api/generated/deals-client';
import { useIdempotencyKey } from '../../shared/idempotency';
import { etagOf } from '../../api/etag';

export const dealKeys = {
  all: ['deals'] as const,
  stages: () => [...dealKeys.all, 'stages'] as const,
  boards: () => [...dealKeys.all, 'board'] as const,
  board: (filters: BoardFilters) => [...dealKeys.boards(), filters] as const,
  detail: (id: string) => [...dealKeys.all, 'detail', id] as const,
  history: (id: string) => [...dealKeys.detail(id), 'history'] as const,
  products: (q: string, includeArchived: boolean) => [...dealKeys.all, 'products', q, includeArchived] as const,
  weekFocus: (day: string, ownerId?: string) => [...dealKeys.boards(), 'week', day, ownerId] as const,
  monthFocus: (month: string, ownerId?: string) => [...dealKeys.boards(), 'month', month, ownerId] as const,
  collections: () => [...dealKeys.all, 'collections'] as const,
  invoices: (dealId: string) => [...dealKeys.collections(), 'deal', dealId] as const,
  invoiceList: (state: InvoiceState) => [...dealKeys.collections(), 'list', state] as const,
  ageing: (groupBy: AgeingGroup) => [...dealKeys.collections(), 'ageing', groupBy] as const,
  targets: () => [...dealKeys.all, 'targets'] as const,
  targetList: (kind: TargetKind, year: number) => [...dealKeys.targets(), 'list', kind, year] as const,
  target: (id: string) => [...dealKeys.targets(), 'detail', id] as const,
  targetOrganisation: () => [...dealKeys.targets(), 'organisation'] as const,
  funnel: (filters: FunnelFilters) => [...dealKeys.all, 'funnel', filters] as const,
  scripts: () => [...dealKeys.all, 'scripts'] as const,
  scriptList: (q: string, objection?: Objection) => [...dealKeys.scripts(), q, objection] as const,
  dealObjections: (dealId: string) => [...dealKeys.detail(dealId), 'objections'] as const,
};

export interface FunnelFilters {
  from: string;
  to: string;
  ownerId?: string;
  commissionPercent: number;
}

export interface BoardFilters {
  ownerId?: string;
  expectedCloseFrom?: string;
  expectedCloseTo?: string;
}

function dealsClients(baseUrl: string, http: Http) {
  return {
    deals: new DealsClient(baseUrl, http),
    products: new ProductsClient(baseUrl, http),
    collections: new CollectionsClient(baseUrl, http),
    targets: new TargetsClient(baseUrl, http),
    objections: new ObjectionsClient(baseUrl, http),
  };
}

/** The Deals module's clients: their file loads with the deals pages, not with the app. */
function useDealsApi() {
  return useModuleApi(dealsClients);
}

export function usePipeline() {
  const api = useDealsApi();
  return useQuery({ queryKey: dealKeys.stages(), queryFn: ({ signal }) => api.deals.stages(signal), staleTime: 5 * 60_000 });
}

/** The stages in order (the pipeline without its version). */
export function useStages() {
  const pipeline = usePipeline();
  return { ...pipeline, data: pipeline.data?.stages };
}

export function useChangePipeline(pipeline: PipelineDto) {
  const api = useDealsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stages: PipelineStageInput[]) =>
      api.deals.changeStages(etagOf(pipeline), { stages }),
    onSuccess: async (changed) => {
      queryClient.setQueryData(dealKeys.stages(), changed);
      await queryClient.invalidateQueries({ queryKey: dealKeys.boards() });
    },
  });
}

export function useBoard(filters: BoardFilters) {
  const api = useDealsApi();
  return useQuery({
    queryKey: dealKeys.board(filters),
    queryFn: ({ signal }) => api.deals.board(filters.ownerId, undefined, filters.expectedCloseFrom, filters.expectedCloseTo, undefined, undefined, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDeal(id: string) {
  const api = useDealsApi();
  return useQuery({ queryKey: dealKeys.detail(id), queryFn: ({ signal }) => api.deals.get(id, signal), staleTime: 0 });
}

export function useStageHistory(id: string) {
  const api = useDealsApi();
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
  const api = useDealsApi();
  const changed = useDealChanged();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (fields: DealInput) => api.deals.create(idempotency.key, fields),
    onError: idempotency.renewAfterClientError,
    onSuccess: async (deal) => {
      idempotency.renew();
      await changed(deal);
    },
  });
}

export function useUpdateDeal(deal: DealDto | undefined) {
  const api = useDealsApi();
  const changed = useDealChanged();
  return useMutation({
    mutationFn: (fields: DealInput) => {
      if (!deal) {
        throw new Error('The deal is not loaded yet.');
      }
      return api.deals.update(deal.id, etagOf(deal), fields);
    },
    onSuccess: changed,
  });
}

/** A card (or a deal) as the board last read it: the version its move is checked against. */
type Versioned = Pick<DealCardDto, 'id' | 'version'>;

export function useMoveDeal() {
  const api = useDealsApi();
  const changed = useDealChanged();
  return useMutation({
    mutationFn: ({ deal, stage }: { deal: Versioned; stage: string }) => api.deals.move(deal.id, etagOf(deal), { stage }),
    onSuccess: changed,
  });
}

export function useWinDeal() {
  const api = useDealsApi();
  const changed = useDealChanged();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ deal, wonOn }: { deal: Versioned; wonOn?: string }) => api.deals.win(deal.id, etagOf(deal), idempotency.key, { wonOn }),
    onError: idempotency.renewAfterClientError,
    onSuccess: async (deal) => {
      idempotency.renew();
      await changed(deal);
    },
  });
}

export function useLoseDeal() {
  const api = useDealsApi();
  const changed = useDealChanged();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ deal, loss }: { deal: Versioned; loss: LoseDealInput }) => api.deals.lose(deal.id, etagOf(deal), idempotency.key, loss),
    onError: idempotency.renewAfterClientError,
    onSuccess: async (deal) => {
      idempotency.renew();
      await changed(deal);
    },
  });
}

export function useReopenDeal() {
  const api = useDealsApi();
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
  const api = useDealsApi();
  return useQuery({
    queryKey: dealKeys.products(q, includeArchived),
    queryFn: ({ signal }) => api.products.list(q || undefined, undefined, includeArchived || undefined, undefined, 200, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSaveProduct(product: ProductDto | undefined) {
  const api = useDealsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (fields: ProductInput) =>
      product ? api.products.update(product.id, etagOf(product), fields) : api.products.create(idempotency.key, fields),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await queryClient.invalidateQueries({ queryKey: [...dealKeys.all, 'products'] });
    },
  });
}

export function useArchiveProduct() {
  const api = useDealsApi();
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

export function useDealInvoices(dealId: string) {
  const api = useDealsApi();
  return useQuery({ queryKey: dealKeys.invoices(dealId), queryFn: ({ signal }) => api.collections.ofDeal(dealId, signal) });
}

export function useInvoices(state: InvoiceState) {
  const api = useDealsApi();
  return useQuery({
    queryKey: dealKeys.invoiceList(state),
    queryFn: ({ signal }) => api.collections.list(state, undefined, undefined, undefined, undefined, 200, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAgeing(groupBy: AgeingGroup) {
  const api = useDealsApi();
  return useQuery({ queryKey: dealKeys.ageing(groupBy), queryFn: ({ signal }) => api.collections.ageing(groupBy, undefined, undefined, signal), placeholderData: keepPreviousData });
}

/** After an invoice or a payment every collections figure is read again: lists, the ageing, the deal's invoices. */
function useCollectionsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: dealKeys.collections() });
}

export function useIssueInvoice(dealId: string) {
  const api = useDealsApi();
  const changed = useCollectionsChanged();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (fields: InvoiceInput) => api.collections.issue(dealId, idempotency.key, fields),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await changed();
    },
  });
}

export function useRecordPayment() {
  const api = useDealsApi();
  const changed = useCollectionsChanged();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ invoiceId, payment }: { invoiceId: string; payment: PaymentInput }) => api.collections.recordPayment(invoiceId, idempotency.key, payment),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await changed();
    },
  });
}

/** 周看板 of the week of `day` (a calendar day, Asia/Shanghai). */
export function useWeekFocus(day: string, ownerId?: string) {
  const api = useDealsApi();
  return useQuery({
    queryKey: dealKeys.weekFocus(day, ownerId),
    queryFn: ({ signal }) => api.deals.weekFocus(day, ownerId, undefined, signal),
    placeholderData: keepPreviousData,
  });
}

/** 月看板 of the month of `day`. */
export function useMonthFocus(day: string, ownerId?: string) {
  const api = useDealsApi();
  return useQuery({
    queryKey: dealKeys.monthFocus(day, ownerId),
    queryFn: ({ signal }) => api.deals.monthFocus(day, ownerId, undefined, signal),
    placeholderData: keepPreviousData,
  });
}

/** The targets at the top of what the caller sees, of a kind, overlapping a year, each with its progress. */
export function useTargets(kind: TargetKind, year: number) {
  const api = useDealsApi();
  return useQuery({ queryKey: dealKeys.targetList(kind, year), queryFn: ({ signal }) => api.targets.list(kind, year, signal), placeholderData: keepPreviousData });
}

/** A target and the children the caller sees (fetched when its row is opened). */
export function useTarget(id: string) {
  const api = useDealsApi();
  return useQuery({ queryKey: dealKeys.target(id), queryFn: ({ signal }) => api.targets.get(id, signal) });
}

/** The regions, teams and members the caller may set targets for; only asked of those who may. */
export function useTargetOrganisation(enabled: boolean) {
  const api = useDealsApi();
  return useQuery({ queryKey: dealKeys.targetOrganisation(), queryFn: ({ signal }) => api.targets.organisation(signal), enabled, staleTime: 5 * 60_000 });
}

export function useCreateTarget() {
  const api = useDealsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (target: TargetInput) => api.targets.create(idempotency.key, target),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await queryClient.invalidateQueries({ queryKey: dealKeys.targets() });
    },
  });
}

/** 目标分解: the target's children replaced whole, at the version the caller read. */
export function useSplitTarget(target: TargetDto) {
  const api = useDealsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (split: TargetSplitInput) => api.targets.split(target.id, etagOf(target), split),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: dealKeys.targets() });
    },
  });
}

export function useRemoveTarget() {
  const api = useDealsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: TargetDto) => api.targets.remove(target.id, etagOf(target)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: dealKeys.targets() });
    },
  });
}

/** The activity funnel over a period: the caller's own, their team's, or everyone's, as their scope allows. */
export function useFunnel(filters: FunnelFilters) {
  const api = useDealsApi();
  return useQuery({
    queryKey: dealKeys.funnel(filters),
    queryFn: ({ signal }) => api.deals.funnel(filters.from, filters.to, filters.ownerId, undefined, filters.commissionPercent, signal),
    placeholderData: keepPreviousData,
  });
}

/** 面对拒绝: the library's scripts, searched in either language, with their success rates. */
export function useScripts(q: string, objection?: Objection) {
  const api = useDealsApi();
  return useQuery({
    queryKey: dealKeys.scriptList(q, objection),
    queryFn: ({ signal }) => api.objections.scripts(q || undefined, objection, undefined, undefined, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSaveScript(script: ObjectionScriptDto | undefined) {
  const api = useDealsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (input: ObjectionScriptInput) => (script ? api.objections.updateScript(script.id, etagOf(script), input) : api.objections.createScript(idempotency.key, input)),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await queryClient.invalidateQueries({ queryKey: dealKeys.scripts() });
    },
  });
}

export function useArchiveScript() {
  const api = useDealsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (script: ObjectionScriptDto) => api.objections.archiveScript(script.id, etagOf(script), idempotency.key),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await queryClient.invalidateQueries({ queryKey: dealKeys.scripts() });
    },
  });
}

export function useDealObjections(dealId: string) {
  const api = useDealsApi();
  return useQuery({ queryKey: dealKeys.dealObjections(dealId), queryFn: ({ signal }) => api.objections.ofDeal(dealId, signal) });
}

export function useRecordObjection(dealId: string) {
  const api = useDealsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (input: DealObjectionInput) => api.objections.record(dealId, idempotency.key, input),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dealKeys.dealObjections(dealId) }),
        queryClient.invalidateQueries({ queryKey: dealKeys.scripts() }),
      ]);
    },
  });
}
