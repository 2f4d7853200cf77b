import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CustomerStage, type CustomerDto } from '../../api/generated/crm-client';
import { formatDateTime } from '../../shared/format';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { PageError } from '../../shared/ui/PageStates';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useColleagues } from '../identity/users';
import { useCustomerList } from './api';
import { customerSorts, filtersFromSearch, isFiltered, searchFromFilters, type CustomerFilters, type CustomerSort } from './filters';
import { StageTag } from './StageTag';

const sortLabels: Record<CustomerSort, 'newest' | 'oldest' | 'nameAsc' | 'nameDesc'> = {
  '-createdAt': 'newest',
  createdAt: 'oldest',
  name: 'nameAsc',
  '-name': 'nameDesc',
};

export default function CustomersPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const list = useCustomerList(filters);
  const colleagues = useColleagues();
  const ownerNames = useMemo(() => new Map(colleagues.data?.map((u) => [u.id, u.displayName])), [colleagues.data]);

  const setFilters = (change: Partial<CustomerFilters>) => setSearch(searchFromFilters({ ...filters, ...change }), { replace: true });

  const orDash = (value: string | undefined) => value || t('common.dash');
  const columns: Column<CustomerDto>[] = [
    { key: 'name', title: t('customers.fields.name'), render: (c) => <Link to={`/customers/${c.id}`}>{c.name}</Link> },
    { key: 'kind', title: t('customers.fields.kind'), width: 80, render: (c) => t(`customers.kinds.${c.kind}`) },
    { key: 'stage', title: t('customers.fields.stage'), width: 110, render: (c) => <StageTag stage={c.stage} /> },
    { key: 'phone', title: t('customers.fields.phone'), width: 150, render: (c) => orDash(c.phone) },
    { key: 'company', title: t('customers.fields.company'), render: (c) => orDash(c.company) },
    { key: 'region', title: t('customers.fields.region'), width: 100, render: (c) => orDash(c.region) },
    { key: 'owner', title: t('customers.fields.owner'), width: 110, render: (c) => orDash(ownerNames.get(c.ownerId)) },
    { key: 'createdAt', title: t('customers.fields.createdAt'), width: 170, render: (c) => formatDateTime(c.createdAt, i18n.language) },
  ];

  const customers = list.data?.customers ?? [];
  const filtered = isFiltered(filters);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h2 className="page-title">{t('customers.title')}</h2>
          <span className="page-subtitle">{t('customers.subtitle')}</span>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/customers/new')}>
          {t('customers.create')}
        </Button>
      </div>

      <div className="filters">
        <Input.Search
          key={filters.q ?? ''}
          defaultValue={filters.q}
          placeholder={t('customers.searchPlaceholder')}
          aria-label={t('customers.searchPlaceholder')}
          allowClear
          enterButton
          style={{ width: 320 }}
          onSearch={(q) => setFilters({ q: q.trim() || undefined })}
        />
        <Select<CustomerStage>
          allowClear
          placeholder={t('customers.filterStage')}
          aria-label={t('customers.filterStage')}
          style={{ width: 150 }}
          value={filters.stage}
          onChange={(stage) => setFilters({ stage })}
          options={Object.values(CustomerStage).map((stage) => ({ value: stage, label: t(`customers.stages.${stage}`) }))}
        />
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('customers.filterOwner')}
          aria-label={t('customers.filterOwner')}
          style={{ width: 170 }}
          loading={colleagues.isPending}
          value={filters.ownerId}
          onChange={(ownerId) => setFilters({ ownerId })}
          options={colleagues.data?.map((u) => ({ value: u.id, label: u.displayName }))}
        />
        <Select<CustomerSort>
          aria-label={t('customers.sortLabel')}
          style={{ width: 150 }}
          value={filters.sort}
          onChange={(sort) => setFilters({ sort })}
          options={customerSorts.map((sort) => ({ value: sort, label: t(`customers.sorts.${sortLabels[sort]}`) }))}
        />
      </div>

      {list.isError && !list.data ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <DataTable<CustomerDto>
            caption={t('customers.title')}
            columns={columns}
            rows={customers}
            rowKey={(c) => c.id}
            loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
            empty={
              filtered ? (
                <Empty description={<EmptyText title={t('customers.emptyFilteredTitle')} body={t('customers.emptyFilteredBody')} />}>
                  <Button onClick={() => setSearch(searchFromFilters({ sort: filters.sort }), { replace: true })}>{t('customers.clearFilters')}</Button>
                </Empty>
              ) : (
                <Empty description={<EmptyText title={t('customers.emptyTitle')} body={t('customers.emptyBody')} />}>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/customers/new')}>
                    {t('customers.create')}
                  </Button>
                </Empty>
              )
            }
          />

          {customers.length > 0 && (
            <div className="list-footer" aria-live="polite">
              <span>{t(list.hasNextPage ? 'customers.loaded' : 'customers.allLoaded', { count: customers.length })}</span>
              {list.hasNextPage && (
                <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  {t('customers.loadMore')}
                </Button>
              )}
              {list.isError && <span role="alert">{problemMessage(list.error, t)}</span>}
            </div>
          )}
        </>
      )}
    </div>
  );
}

function EmptyText({ title, body }: { title: string; body: string }) {
  return (
    <span className="empty-text">
      <strong>{title}</strong>
      {body}
    </span>
  );
}
