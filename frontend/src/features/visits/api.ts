import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Http, useApi, useModuleApi } from '../../api/client';
import {
  type CheckInInput,
  type CheckOutInput,
  type ConfirmationChangeInput,
  type ConfirmationDto,
  type ConfirmationInput,
  type DailyReportDto,
  type DailyReportInput,
  type MarketReportDto,
  type MarketReportInput,
  MarketReportStatus,
  PlanStatus,
  ReportStatus,
  type VisitPlanDto,
  type VisitPlanInput,
  type VisitRecordDto,
  VisitsClient,
  type WeeklyReportDto,
  type WeeklyReportInput,
} from '../../api/generated/visits-client';
import { useIdempotencyKey } from '../../shared/idempotency';
import { etagOf } from '../../api/etag';

export const visitKeys = {
  all: ['visits'] as const,
  plans: () => [...visitKeys.all, 'plans'] as const,
  plan: (repId: string, day: string) => [...visitKeys.plans(), 'day', repId, day] as const,
  planRange: (from: string, to: string, teamId?: string) => [...visitKeys.plans(), 'range', from, to, teamId] as const,
  suggestions: (day: string) => [...visitKeys.plans(), 'suggestions', day] as const,
  records: () => [...visitKeys.all, 'records'] as const,
  recordsOf: (filters: RecordFilters) => [...visitKeys.records(), filters] as const,
  confirmations: () => [...visitKeys.all, 'confirmations'] as const,
  appointments: (day: string) => [...visitKeys.confirmations(), 'day', day] as const,
  losses: (from: string, to: string) => [...visitKeys.confirmations(), 'losses', from, to] as const,
  reports: () => [...visitKeys.all, 'reports'] as const,
  draft: (day: string) => [...visitKeys.reports(), 'draft', day] as const,
  report: (id: string) => [...visitKeys.reports(), 'detail', id] as const,
  reportRows: (filters: RecordFilters & { late?: boolean }) => [...visitKeys.reports(), 'rows', filters] as const,
  inbox: () => [...visitKeys.all, 'inbox'] as const,
  market: () => [...visitKeys.all, 'market'] as const,
  marketList: (filters: MarketFilters) => [...visitKeys.market(), 'list', filters] as const,
  weekly: () => [...visitKeys.all, 'weekly'] as const,
  weeklyReport: (id: string) => [...visitKeys.weekly(), 'detail', id] as const,
  monthly: (year: number, month: number) => [...visitKeys.all, 'monthly', year, month] as const,
};

export interface RecordFilters {
  day?: string;
  from?: string;
  to?: string;
  repId?: string;
  teamId?: string;
  outcome?: boolean;
  ordered?: boolean;
}

export interface MarketFilters {
  status?: MarketReportStatus;
  from?: string;
  to?: string;
}

function visitsClients(baseUrl: string, http: Http) {
  return new VisitsClient(baseUrl, http);
}

/** The Visits module's client: its file loads with the visits pages, not with the app. */
function useVisitsApi() {
  return useModuleApi(visitsClients);
}

/** The rep's plan of a day, or null while there is none. */
export function useDayPlan(repId: string | undefined, day: string) {
  const api = useVisitsApi();
  return useQuery({
    queryKey: visitKeys.plan(repId ?? '', day),
    queryFn: async ({ signal }) => (await api.plans(day, undefined, undefined, repId, undefined, undefined, undefined, signal))[0] ?? null,
    enabled: repId !== undefined,
  });
}

/** Plans the caller sees over some days (a week calendar). */
export function usePlans(from: string, to: string, teamId?: string) {
  const api = useVisitsApi();
  return useQuery({
    queryKey: visitKeys.planRange(from, to, teamId),
    queryFn: ({ signal }) => api.plans(undefined, from, to, undefined, teamId, undefined, undefined, signal),
    placeholderData: keepPreviousData,
    enabled: from !== '',
  });
}

export function usePlanSuggestions(day: string) {
  const api = useVisitsApi();
  return useQuery({ queryKey: visitKeys.suggestions(day), queryFn: ({ signal }) => api.planSuggestions(day, signal) });
}

/** After a plan changes: every plan list and the inbox are read again. */
function usePlansChanged() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: visitKeys.plans() }), queryClient.invalidateQueries({ queryKey: visitKeys.inbox() })]);
}

export function useSavePlan(plan: VisitPlanDto | null | undefined) {
  const api = useVisitsApi();
  const changed = usePlansChanged();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (input: VisitPlanInput) => (plan ? api.rewritePlan(plan.id, etagOf(plan), input) : api.createPlan(idempotency.key, input)),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await changed();
    },
  });
}

export type PlanStep = 'submit' | 'approve' | 'acknowledge';

export function usePlanStep() {
  const api = useVisitsApi();
  const changed = usePlansChanged();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ plan, step }: { plan: VisitPlanDto; step: PlanStep }) => {
      const etag = etagOf(plan);
      switch (step) {
        case 'submit':
          return api.submitPlan(plan.id, etag, idempotency.key);
        case 'approve':
          return api.approvePlan(plan.id, etag, idempotency.key);
        default:
          return api.acknowledgePlan(plan.id, etag, idempotency.key);
      }
    },
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await changed();
    },
  });
}

export function useReturnPlan() {
  const api = useVisitsApi();
  const changed = usePlansChanged();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ plan, comment }: { plan: VisitPlanDto; comment: string }) => api.returnPlan(plan.id, etagOf(plan), idempotency.key, { comment }),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await changed();
    },
  });
}

export function useVisitRecords(filters: RecordFilters, enabled = true) {
  const api = useVisitsApi();
  return useQuery({
    queryKey: visitKeys.recordsOf(filters),
    queryFn: ({ signal }) => api.records(filters.day, filters.from, filters.to, filters.repId, filters.teamId, filters.outcome, filters.ordered, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** After a visit changes: the day's visits and the report's draft are read again. */
function useVisitsChanged() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: visitKeys.records() }), queryClient.invalidateQueries({ queryKey: visitKeys.reports() })]);
}

export function useCheckIn() {
  const api = useVisitsApi();
  const changed = useVisitsChanged();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (input: CheckInInput) => api.checkIn(idempotency.key, input),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await changed();
    },
  });
}

export function useCheckOut() {
  const api = useVisitsApi();
  const changed = useVisitsChanged();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ visit, input }: { visit: VisitRecordDto; input: CheckOutInput }) => api.checkOut(visit.id, etagOf(visit), idempotency.key, input),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await changed();
    },
  });
}

export function useAppointments(day: string) {
  const api = useVisitsApi();
  return useQuery({ queryKey: visitKeys.appointments(day), queryFn: ({ signal }) => api.appointments(day, undefined, signal), placeholderData: keepPreviousData });
}

export function useConfirmationLosses(from: string, to: string) {
  const api = useVisitsApi();
  return useQuery({ queryKey: visitKeys.losses(from, to), queryFn: ({ signal }) => api.confirmationLosses(from, to, signal), placeholderData: keepPreviousData });
}

export function useRecordConfirmation() {
  const api = useVisitsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ existing, input }: { existing?: ConfirmationDto; input: ConfirmationInput }) =>
      existing
        ? api.changeConfirmation(existing.id, etagOf(existing), {
            status: input.status,
            reason: input.reason,
            rescheduledTo: input.rescheduledTo,
            lostMinutes: input.lostMinutes,
            lostCost: input.lostCost,
          } satisfies ConfirmationChangeInput)
        : api.recordConfirmation(idempotency.key, input),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await queryClient.invalidateQueries({ queryKey: visitKeys.confirmations() });
    },
  });
}

export function useReportDraft(day: string) {
  const api = useVisitsApi();
  return useQuery({ queryKey: visitKeys.draft(day), queryFn: ({ signal }) => api.reportDraft(day, signal) });
}

export function useReport(id: string | undefined) {
  const api = useVisitsApi();
  return useQuery({ queryKey: visitKeys.report(id ?? ''), queryFn: ({ signal }) => api.report(id!, signal), enabled: id !== undefined });
}

export function useSaveReport(report: DailyReportDto | undefined) {
  const api = useVisitsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (input: DailyReportInput) => (report ? api.correctReport(report.id, etagOf(report), input) : api.fileReport(idempotency.key, input)),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await Promise.all([queryClient.invalidateQueries({ queryKey: visitKeys.reports() }), queryClient.invalidateQueries({ queryKey: visitKeys.inbox() })]);
    },
  });
}

/** Reports over some days (the rows a weekly figure counts). */
export function useReportRows(filters: RecordFilters & { late?: boolean }) {
  const api = useVisitsApi();
  return useQuery({
    queryKey: visitKeys.reportRows(filters),
    queryFn: ({ signal }) => api.reports(undefined, filters.from, filters.to, filters.repId, filters.teamId, undefined, filters.late, signal),
  });
}

export function useReviewReport() {
  const api = useVisitsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ report, comment }: { report: DailyReportDto; comment: string }) => api.reviewReport(report.id, etagOf(report), idempotency.key, { comment }),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await Promise.all([queryClient.invalidateQueries({ queryKey: visitKeys.reports() }), queryClient.invalidateQueries({ queryKey: visitKeys.inbox() })]);
    },
  });
}

/** 待办: what waits for the manager's sign-off, each list oldest first. */
export function useInbox() {
  const api = useVisitsApi();
  return useQuery({
    queryKey: visitKeys.inbox(),
    queryFn: async ({ signal }) => {
      const [plans, amendments, reports, market] = await Promise.all([
        api.plans(undefined, undefined, undefined, undefined, undefined, PlanStatus.Submitted, undefined, signal),
        api.plans(undefined, undefined, undefined, undefined, undefined, PlanStatus.Approved, true, signal),
        api.reports(undefined, undefined, undefined, undefined, undefined, ReportStatus.Submitted, undefined, signal),
        api.marketReports(undefined, undefined, MarketReportStatus.Open, undefined, undefined, signal),
      ]);
      return { plans, amendments, reports, market };
    },
  });
}

export function useMarketReports(filters: MarketFilters) {
  const api = useVisitsApi();
  return useQuery({
    queryKey: visitKeys.marketList(filters),
    queryFn: ({ signal }) => api.marketReports(undefined, undefined, filters.status, filters.from, filters.to, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMarketReport(id: string) {
  const api = useVisitsApi();
  return useQuery({ queryKey: [...visitKeys.market(), 'detail', id], queryFn: ({ signal }) => api.marketReport(id, signal) });
}

export function useReportMarket() {
  const api = useVisitsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (input: MarketReportInput) => api.reportMarket(idempotency.key, input),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await queryClient.invalidateQueries({ queryKey: visitKeys.market() });
    },
  });
}

export function useAcknowledgeMarket() {
  const api = useVisitsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ report, response }: { report: MarketReportDto; response?: string }) => api.acknowledgeMarketReport(report.id, etagOf(report), idempotency.key, { response }),
    onError: idempotency.renewAfterClientError,
    onSuccess: async () => {
      idempotency.renew();
      await Promise.all([queryClient.invalidateQueries({ queryKey: visitKeys.market() }), queryClient.invalidateQueries({ queryKey: visitKeys.inbox() })]);
    },
  });
}

export function useWeeklyReports() {
  const api = useVisitsApi();
  return useQuery({ queryKey: visitKeys.weekly(), queryFn: ({ signal }) => api.weeklyReports(undefined, undefined, undefined, undefined, signal) });
}

export function useWeeklyReport(id: string) {
  const api = useVisitsApi();
  return useQuery({ queryKey: visitKeys.weeklyReport(id), queryFn: ({ signal }) => api.weeklyReport(id, signal) });
}

export function useCompileWeekly() {
  const api = useVisitsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ teamId, weekStart }: { teamId?: string; weekStart?: string }) => api.compileWeekly(idempotency.key, { teamId, weekStart }),
    onError: idempotency.renewAfterClientError,
    onSuccess: async (report) => {
      idempotency.renew();
      queryClient.setQueryData(visitKeys.weeklyReport(report.id), report);
      await queryClient.invalidateQueries({ queryKey: visitKeys.weekly() });
    },
  });
}

export function useWriteWeekly(report: WeeklyReportDto) {
  const api = useVisitsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WeeklyReportInput) => api.writeWeekly(report.id, etagOf(report), input),
    onSuccess: (written) => queryClient.setQueryData(visitKeys.weeklyReport(written.id), written),
  });
}

export function useSubmitWeekly() {
  const api = useVisitsApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (report: WeeklyReportDto) => api.submitWeekly(report.id, etagOf(report), idempotency.key),
    onError: idempotency.renewAfterClientError,
    onSuccess: async (report) => {
      idempotency.renew();
      queryClient.setQueryData(visitKeys.weeklyReport(report.id), report);
      await queryClient.invalidateQueries({ queryKey: visitKeys.weekly() });
    },
  });
}

export function useMonthly(year: number, month: number) {
  const api = useVisitsApi();
  return useQuery({ queryKey: visitKeys.monthly(year, month), queryFn: ({ signal }) => api.monthly(year, month, signal), placeholderData: keepPreviousData });
}

/** How many customers each rep the caller sees is behind with (the Customers module's cadence). */
export function useOverdueByOwner() {
  const api = useApi();
  return useQuery({ queryKey: ['customers', 'overdue-by-owner'], queryFn: ({ signal }) => api.customers.overdueByOwner(signal) });
}
