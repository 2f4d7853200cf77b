import { Button, Empty, Input, Tooltip } from 'antd';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/client';
import type { PoolCustomerDto } from '../../api/generated/customers-client';
import { formatDateTime } from '../../shared/format';
import { useIdempotencyKey } from '../../shared/idempotency';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { useMessage } from '../../shared/ui/feedback';
import { PageError } from '../../shared/ui/PageStates';
import { PageHeader } from '../../shared/ui/PageHeader';
import { problemMessage } from '../../shared/ui/problemMessage';
import { customerKeys } from './api';

const poolKeys = {
  all: [...customerKeys.all, 'pool'] as const,
  list: (q: string | undefined) => [...poolKeys.all, 'list', q] as const,
  allowance: () => [...poolKeys.all, 'allowance'] as const,
};

function usePool(q: string | undefined) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: poolKeys.list(q),
    queryFn: ({ pageParam, signal }) => api.customers.listPool(q, pageParam, 50, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
}

function useClaim() {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (customer: PoolCustomerDto) => api.customers.claim(customer.id, idempotency.key),
    onSettled: async () => {
      idempotency.renew();
      await queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
}

/** 公海: the team's customers nobody keeps in touch with; a rep claims one and it becomes theirs. */
export default function PoolPage() {
  const { t, i18n } = useTranslation('customers');
  const api = useApi();
  const navigate = useNavigate();
  const message = useMessage();
  const [search, setSearch] = useSearchParams();
  const q = search.get('q')?.trim() || undefined;
  const pool = usePool(q);
  const allowance = useQuery({ queryKey: poolKeys.allowance(), queryFn: ({ signal }) => api.customers.poolAllowance(signal) });
  const claim = useClaim();
  const limitReached = allowance.data !== undefined && allowance.data.claimedToday >= allowance.data.claimsPerDay;
  const orDash = (value: string | undefined) => value || t('common.dash');

  const columns: Column<PoolCustomerDto>[] = [
    { key: 'name', title: t('fields.name'), render: (c) => c.name },
    { key: 'company', title: t('fields.company'), render: (c) => orDash(c.company) },
    { key: 'region', title: t('fields.region'), width: 90, render: (c) => orDash(c.region) },
    { key: 'industry', title: t('fields.industry'), width: 90, render: (c) => orDash(c.industry) },
    { key: 'previousOwner', title: t('pool.previousOwner'), width: 110, render: (c) => orDash(c.previousOwnerName) },
    { key: 'lastInteraction', title: t('pool.lastInteraction'), width: 160, render: (c) => (c.lastInteractionAt ? formatDateTime(c.lastInteractionAt, i18n.language) : t('card.never')) },
    { key: 'pooledAt', title: t('pool.pooledAt'), width: 160, render: (c) => formatDateTime(c.pooledAt, i18n.language) },
    {
      key: 'claim',
      title: '',
      width: 140,
      render: (c) =>
        c.claimableFrom ? (
          <Tooltip title={t('pool.reclaimWait')}>
            <span className="muted">{t('pool.claimableFrom', { date: formatDateTime(c.claimableFrom, i18n.language) })}</span>
          </Tooltip>
        ) : (
          <Button
            size="small"
            type="primary"
            disabled={limitReached || (claim.isPending && claim.variables?.id !== c.id)}
            loading={claim.isPending && claim.variables?.id === c.id}
            onClick={() =>
              claim.mutate(c, {
                onSuccess: (customer) => {
                  void message.success(t('pool.claimed', { name: customer.name }));
                  void navigate(`/customers/${customer.id}`);
                },
                onError: (error) => void message.error(problemMessage(error, t)),
              })
            }
          >
            {t('pool.claim')}
          </Button>
        ),
    },
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('pool.title')}
        subtitle={t('pool.subtitle')}
        actions={
          allowance.data && (
            <span className="muted" aria-live="polite">
              {t('pool.allowance', { claimed: String(allowance.data.claimedToday), limit: String(allowance.data.claimsPerDay) })}
            </span>
          )
        }
      />
      <div className="filters">
        <Input.Search
          key={q ?? ''}
          defaultValue={q}
          placeholder={t('pool.searchPlaceholder')}
          aria-label={t('pool.searchPlaceholder')}
          allowClear
          enterButton
          style={{ width: 320 }}
          onSearch={(value) => setSearch(value.trim() ? { q: value.trim() } : {}, { replace: true })}
        />
        <Link to="/customers">{t('backToList')}</Link>
      </div>
      {pool.isError && !pool.data ? (
        <PageError error={pool.error} onRetry={() => void pool.refetch()} />
      ) : (
        <>
          <DataTable<PoolCustomerDto>
            caption={t('pool.title')}
            columns={columns}
            rows={pool.data ?? []}
            rowKey={(c) => c.id}
            loading={pool.isPending || (pool.isFetching && !pool.isFetchingNextPage)}
            empty={<Empty description={t('pool.empty')} />}
          />
          {pool.hasNextPage && (
            <div className="list-footer">
              <Button onClick={() => void pool.fetchNextPage()} loading={pool.isFetchingNextPage}>
                {t('loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
