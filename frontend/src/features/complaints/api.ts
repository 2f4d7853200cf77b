import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Http, useModuleApi } from '../../api/client';
import { etagOf } from '../../api/etag';
import { hasStatus } from '../../api/problems';
import {
  type AcknowledgeInput,
  type AssignInput,
  type CauseChangeInput,
  type CauseInput,
  type CloseInput,
  type ComplaintDto,
  type ComplaintInput,
  type ComplaintSeverity,
  type ComplaintStatus,
  ComplaintsClient,
  type CustomerUpdateInput,
  type NewCauseInput,
  type PreventionInput,
  type ReopenInput,
  type ResolutionInput,
  type StandardAnswerDto,
  type StandardAnswerInput,
} from '../../api/generated/complaints-client';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '../../shared/idempotency';
import { causeLabel } from './labels';

export interface ComplaintFilters {
  status?: ComplaintStatus;
  severity?: ComplaintSeverity;
  key?: boolean;
  open?: boolean;
  overdue?: boolean;
  ownerId?: string;
  customerId?: string;
  cause?: string;
}

export interface AnswerFilters {
  q?: string;
  cause?: string;
  active?: boolean;
}

export const complaintKeys = {
  all: ['complaints'] as const,
  lists: () => [...complaintKeys.all, 'list'] as const,
  list: (filters: ComplaintFilters) => [...complaintKeys.lists(), filters] as const,
  detail: (id: string) => [...complaintKeys.all, 'detail', id] as const,
  steps: (id: string) => [...complaintKeys.all, 'steps', id] as const,
  causes: () => [...complaintKeys.all, 'causes'] as const,
  pareto: (from: string, to: string, product?: string) => [...complaintKeys.all, 'pareto', from, to, product] as const,
  answers: () => [...complaintKeys.all, 'answers'] as const,
  answerSearch: (filters: AnswerFilters) => [...complaintKeys.answers(), 'search', filters] as const,
  editions: (id: string) => [...complaintKeys.answers(), 'editions', id] as const,
};

function complaintsClient(baseUrl: string, http: Http) {
  return new ComplaintsClient(baseUrl, http);
}

/** The Complaints module's client: its file loads with the complaints pages (and the customer card's panel), not with the app. */
function useComplaintsApi() {
  return useModuleApi(complaintsClient);
}

const pageSize = 50;

/** Complaints the caller may see, newest first, a page at a time (keyset). */
export function useComplaints(filters: ComplaintFilters) {
  const api = useComplaintsApi();
  return useInfiniteQuery({
    queryKey: complaintKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.list(filters.status, filters.severity, filters.key, filters.open, filters.overdue, filters.ownerId, filters.customerId, filters.cause, pageSize, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useComplaint(id: string) {
  const api = useComplaintsApi();
  return useQuery({ queryKey: complaintKeys.detail(id), queryFn: ({ signal }) => api.get(id, signal) });
}

export function useComplaintSteps(id: string) {
  const api = useComplaintsApi();
  return useQuery({ queryKey: complaintKeys.steps(id), queryFn: ({ signal }) => api.steps(id, signal) });
}

export function useCauses() {
  const api = useComplaintsApi();
  return useQuery({ queryKey: complaintKeys.causes(), queryFn: ({ signal }) => api.causes(signal), staleTime: 5 * 60_000 });
}

/** Adds a root-cause category, or renames or retires one; the list is read again. */
export function useKeepCauses() {
  const api = useComplaintsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const changed = () => queryClient.invalidateQueries({ queryKey: complaintKeys.causes() });
  const add = useMutation({
    mutationFn: (input: NewCauseInput) => api.addCause(idempotency.key, input),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await changed();
    },
  });
  const change = useMutation({ mutationFn: ({ key, input }: { key: string; input: CauseChangeInput }) => api.changeCause(key, input), onSuccess: changed });
  return { add, change };
}

/** Names a cause in the reader's language; a key the list does not hold (or before it has loaded) as it is. */
export function useCauseName() {
  const causes = useCauses();
  const { i18n } = useTranslation();
  return (key: string | undefined) => {
    const cause = causes.data?.find((c) => c.key === key);
    return cause ? causeLabel(cause, i18n.language) : key;
  };
}

export function usePareto(from: string, to: string, product?: string) {
  const api = useComplaintsApi();
  return useQuery({
    queryKey: complaintKeys.pareto(from, to, product),
    queryFn: ({ signal }) => api.pareto(from, to, undefined, product, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReceiveComplaint() {
  const api = useComplaintsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (input: ComplaintInput) => api.receive(idempotency.key, input),
    onError: idempotency.renewAfterClientError,
    onSuccess: async (complaint) => {
      idempotency.renew();
      queryClient.setQueryData(complaintKeys.detail(complaint.id), complaint);
      await queryClient.invalidateQueries({ queryKey: complaintKeys.lists() });
    },
  });
}

/** Every step of the procedure, by the input it takes; investigate, resolve and prevention-done take none. */
export type ComplaintStep =
  | { step: 'acknowledge'; input: AcknowledgeInput }
  | { step: 'investigate' }
  | { step: 'propose'; input: ResolutionInput }
  | { step: 'resolve' }
  | { step: 'close'; input: CloseInput }
  | { step: 'reopen'; input: ReopenInput }
  | { step: 'assign'; input: AssignInput }
  | { step: 'cause'; input: CauseInput }
  | { step: 'prevention'; input: PreventionInput }
  | { step: 'preventionDone' }
  | { step: 'update'; input: CustomerUpdateInput }
  | { step: 'answer'; answerId: string };

function send(api: ComplaintsClient, complaint: ComplaintDto, step: ComplaintStep, key: string): Promise<ComplaintDto> {
  const [id, etag] = [complaint.id, etagOf(complaint)];
  switch (step.step) {
    case 'acknowledge':
      return api.acknowledge(id, etag, key, step.input);
    case 'investigate':
      return api.investigate(id, etag, key);
    case 'propose':
      return api.propose(id, etag, key, step.input);
    case 'resolve':
      return api.resolve(id, etag, key);
    case 'close':
      return api.close(id, etag, key, step.input);
    case 'reopen':
      return api.reopen(id, etag, key, step.input);
    case 'assign':
      return api.assign(id, etag, key, step.input);
    case 'cause':
      return api.cause(id, etag, key, step.input);
    case 'prevention':
      return api.planPrevention(id, etag, key, step.input);
    case 'preventionDone':
      return api.preventionDone(id, etag, key);
    case 'update':
      return api.updateCustomer(id, etag, key, step.input);
    case 'answer':
      return api.giveAnswer(id, etag, key, { answerId: step.answerId });
  }
}

/** Takes a step at the version on screen (If-Match); afterwards the complaint, its steps, the lists and the answers' counts are fresh. */
export function useComplaintStep(complaint: ComplaintDto) {
  const api = useComplaintsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (step: ComplaintStep) => send(api, complaint, step, idempotency.key),
    onError: idempotency.renewAfterClientError,
    onSuccess: async (changed) => {
      idempotency.renew();
      queryClient.setQueryData(complaintKeys.detail(changed.id), changed);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: complaintKeys.steps(changed.id) }),
        queryClient.invalidateQueries({ queryKey: complaintKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: complaintKeys.answers() }),
      ]);
    },
  });
}

/** Reads a complaint again, after a 412: the next attempt is made at the version the server has. */
export function useReloadComplaint(id: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: complaintKeys.detail(id) }), queryClient.invalidateQueries({ queryKey: complaintKeys.steps(id) })]);
}

export function useAnswers(filters: AnswerFilters) {
  const api = useComplaintsApi();
  return useQuery({
    queryKey: complaintKeys.answerSearch(filters),
    queryFn: ({ signal }) => api.answers(filters.q || undefined, undefined, filters.cause, filters.active, 50, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAnswerEditions(id: string) {
  const api = useComplaintsApi();
  return useQuery({ queryKey: complaintKeys.editions(id), queryFn: ({ signal }) => api.answerEditions(id, signal) });
}

/** Writes a new standard answer, or revises one at the version on screen. */
export function useSaveAnswer(answer: StandardAnswerDto | undefined) {
  const api = useComplaintsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (input: StandardAnswerInput) => (answer ? api.reviseAnswer(answer.id, etagOf(answer), input) : api.writeAnswer(idempotency.key, input)),
    onError: async (error) => {
      idempotency.renewAfterClientError(error);
      // Changed by someone else meanwhile: the list is read again, so the next edit starts from their words and version.
      if (hasStatus(error, 412)) {
        await queryClient.invalidateQueries({ queryKey: complaintKeys.answers() });
      }
    },
    onSuccess: async () => {
      idempotency.renew();
      await queryClient.invalidateQueries({ queryKey: complaintKeys.answers() });
    },
  });
}
