import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../api/client';
import { type ImportJobDto, ImportMode, ImportOutcome, ImportStatus } from '../../../api/generated/customers-client';
import { useIdempotencyKey } from '../../../shared/idempotency';
import { customerKeys } from '../api';

export const importKeys = {
  all: [...customerKeys.all, 'imports'] as const,
  recent: () => [...importKeys.all, 'recent'] as const,
  job: (id: string) => [...importKeys.all, 'job', id] as const,
  rows: (id: string, outcome: ImportOutcome | undefined, status: ImportStatus | undefined) => [...importKeys.all, 'rows', id, outcome, status] as const,
};

/** An import still waiting or running, whose progress the page keeps asking for. */
export function isUnfinished(job: Pick<ImportJobDto, 'status'> | undefined): boolean {
  return job?.status === ImportStatus.Queued || job?.status === ImportStatus.Running;
}

/** Uploads the file; the server reads it through once (a bad header is a 400 at once) and imports it in the background. */
export function useStartImport() {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ file, mode }: { file: File; mode: ImportMode }) =>
      api.customers.import(mode, undefined, idempotency.key, { data: file, fileName: file.name }),
    onSuccess: async () => {
      idempotency.renew();
      await queryClient.invalidateQueries({ queryKey: importKeys.recent() });
    },
    onError: idempotency.renewAfterClientError,
  });
}

/** The import's progress, asked for every second until it is over; then the customer lists are stale. */
export function useImportJob(id: string | undefined) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKeys.job(id ?? ''),
    enabled: id !== undefined,
    queryFn: async ({ signal }) => {
      const job = await api.customers.importStatus(id!, signal);
      if (!isUnfinished(job)) {
        await queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
        await queryClient.invalidateQueries({ queryKey: importKeys.recent() });
      }
      return job;
    },
    refetchInterval: (query) => (query.state.data === undefined || isUnfinished(query.state.data) ? 1000 : false),
  });
}

/** What the import did with each row, in file order, a page at a time; read again as the import moves on. */
export function useImportRows(id: string, outcome: ImportOutcome | undefined, status: ImportStatus | undefined) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: importKeys.rows(id, outcome, status),
    queryFn: ({ pageParam, signal }) => api.customers.importRows(id, outcome, pageParam, 50, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
}

export function useRecentImports() {
  const api = useApi();
  return useQuery({ queryKey: importKeys.recent(), queryFn: ({ signal }) => api.customers.imports(signal) });
}

export function templateUrl(format: 'csv' | 'xlsx', language: string): string {
  return `/api/v1/customers/imports/template?format=${format}&language=${encodeURIComponent(language)}`;
}
