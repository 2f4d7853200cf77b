import { CalendarOutlined, DownloadOutlined, InboxOutlined, PlusOutlined, SettingOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Select, Space } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ContactDue, CustomerSort, CustomerSource, CustomerStage, type CustomerSummaryDto, Importance, PriorityTier, TableFormat, ValueTierFilter } from '../../api/generated/customers-client';
import { formatDateTime } from '../../shared/format';
import { ColleagueSelect } from '../../shared/ui/ColleagueSelect';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { PageError } from '../../shared/ui/PageStates';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { TextFilter } from '../../shared/ui/TextFilter';
import { useDownload, useSession } from '../../app/auth/session';
import { useCustomerList } from './api';
import { exportUrl, filtersFromSearch, isFiltered, searchFromFilters, type CustomerFilters } from './filters';
import { CadenceSummary, KeyCustomerTag, PriorityTierTag, ValueTierTag } from './ClassificationTags';
import { StageTag } from './StageTag';

// Only managers and above hand books over: the dialog's code loads when one opens it.
const SavedFiltersBar = lazy(() => import('./SavedFiltersBar'));
const BulkTransferDialog = lazy(() => import('./BulkTransferDialog').then((m) => ({ default: m.BulkTransferDialog })));
const transferringRoles = ['Manager', 'Director', 'Admin'];

const sortLabels: Record<CustomerSort, 'newest' | 'oldest' | 'nameAsc' | 'nameDesc'> = {
  [CustomerSort.CreatedAtDescending]: 'newest',
  [CustomerSort.CreatedAt]: 'oldest',
  [CustomerSort.Name]: 'nameAsc',
  [CustomerSort.NameDescending]: 'nameDesc',
};

export default function CustomersPage() {
  const { t, i18n } = useTranslation('customers');
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const list = useCustomerList(filters);
  const { data: me } = useSession();
  const [bulkTransferring, setBulkTransferring] = useState(false);

  const setFilters = (change: Partial<CustomerFilters>) => setSearch(searchFromFilters({ ...filters, ...change }), { replace: true });

  const download = useDownload();
  const message = useMessage();
  const exportAs = (format: TableFormat) =>
    void download(exportUrl(filters, format, i18n.language)).catch((error: unknown) => void message.error(problemMessage(error, t)));

  const orDash = (value: string | undefined) => value || t('common.dash');
  const columns: Column<CustomerSummaryDto>[] = [
    {
      key: 'name',
      title: t('fields.name'),
      render: (c) => (
        <>
          <Link to={`/customers/${c.id}`}>{c.name}</Link> <KeyCustomerTag importance={c.importance} />
        </>
      ),
    },
    { key: 'stage', title: t('fields.stage'), width: 100, render: (c) => <StageTag stage={c.stage} /> },
    { key: 'tier', title: t('fields.priorityTier'), width: 110, render: (c) => <PriorityTierTag tier={c.priorityTier} /> },
    { key: 'valueTier', title: t('fields.valueTier'), width: 90, render: (c) => <ValueTierTag tier={c.valueTier} /> },
    { key: 'phone', title: t('fields.phone'), width: 140, render: (c) => orDash(c.phone) },
    { key: 'company', title: t('fields.company'), render: (c) => orDash(c.company) },
    { key: 'region', title: t('fields.region'), width: 80, render: (c) => orDash(c.region) },
    { key: 'owner', title: t('fields.owner'), width: 90, render: (c) => orDash(c.ownerName) },
    { key: 'nextContact', title: t('fields.nextContact'), width: 200, render: (c) => <CadenceSummary cadence={c.cadence} /> },
    { key: 'createdAt', title: t('fields.createdAt'), width: 140, render: (c) => formatDateTime(c.createdAt, i18n.language) },
  ];

  const customers = list.data?.customers ?? [];
  const filtered = isFiltered(filters);

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Space>
            <Button icon={<CalendarOutlined />} onClick={() => void navigate('/customers/upcoming')}>
              {t('upcoming.open')}
            </Button>
            <Button icon={<InboxOutlined />} onClick={() => void navigate('/customers/pool')}>
              {t('pool.open')}
            </Button>
            <Button icon={<SettingOutlined />} onClick={() => void navigate('/customers/settings')}>
              {t('settings.open')}
            </Button>
            {me && transferringRoles.includes(me.role) && (
              <Button icon={<SwapOutlined />} onClick={() => setBulkTransferring(true)}>
                {t('ownership.bulk')}
              </Button>
            )}
            <Button onClick={() => void navigate('/customers/import')}>{t('import.open')}</Button>
            <Space.Compact>
              <Button icon={<DownloadOutlined />} onClick={() => exportAs(TableFormat.Csv)}>
                {t('exportCsv')}
              </Button>
              <Button onClick={() => exportAs(TableFormat.Xlsx)}>{t('exportXlsx')}</Button>
            </Space.Compact>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/customers/new')}>
              {t('create')}
            </Button>
          </Space>
        }
      />

      <div className="filters">
        <Input.Search
          key={filters.q ?? ''}
          defaultValue={filters.q}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchPlaceholder')}
          allowClear
          enterButton
          style={{ width: 320 }}
          onSearch={(q) => setFilters({ q: q.trim() || undefined })}
        />
        <Select<CustomerStage>
          allowClear
          placeholder={t('filterStage')}
          aria-label={t('filterStage')}
          style={{ width: 150 }}
          value={filters.stage}
          onChange={(stage) => setFilters({ stage })}
          options={Object.values(CustomerStage).map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))}
        />
        <ColleagueSelect
          allowClear
          placeholder={t('filterOwner')}
          aria-label={t('filterOwner')}
          style={{ width: 170 }}
          value={filters.ownerId}
          valueLabel={list.data?.customers.find((c) => c.ownerId === filters.ownerId)?.ownerName}
          onChange={(ownerId) => setFilters({ ownerId })}
        />
        <Select<ContactDue>
          allowClear
          placeholder={t('filterOverdue')}
          aria-label={t('filterOverdue')}
          style={{ width: 160 }}
          value={filters.overdue}
          onChange={(overdue) => setFilters({ overdue })}
          options={[ContactDue.Any, ContactDue.Call, ContactDue.Visit].map((due) => ({ value: due, label: t(`overdue.${due}`) }))}
        />
        <Select<CustomerSort>
          aria-label={t('sortLabel')}
          style={{ width: 150 }}
          value={filters.sort}
          onChange={(sort) => setFilters({ sort })}
          options={Object.values(CustomerSort).map((sort) => ({ value: sort, label: t(`sorts.${sortLabels[sort]}`) }))}
        />
      </div>
      <div className="filters">
        <Select<Importance>
          allowClear
          placeholder={t('filterImportance')}
          aria-label={t('filterImportance')}
          style={{ width: 120 }}
          value={filters.importance}
          onChange={(importance) => setFilters({ importance })}
          options={[Importance.Key, Importance.General].map((importance) => ({ value: importance, label: t(`importances.${importance}`) }))}
        />
        <Select<PriorityTier>
          allowClear
          placeholder={t('filterTier')}
          aria-label={t('filterTier')}
          style={{ width: 130 }}
          value={filters.priorityTier}
          onChange={(priorityTier) => setFilters({ priorityTier })}
          options={[PriorityTier.Priority, PriorityTier.General, PriorityTier.Last].map((tier) => ({ value: tier, label: t(`priorityTiers.${tier}`) }))}
        />
        <Select<number>
          allowClear
          placeholder={t('filterLevel')}
          aria-label={t('filterLevel')}
          style={{ width: 170 }}
          value={filters.relationshipLevel}
          onChange={(relationshipLevel) => setFilters({ relationshipLevel })}
          options={[1, 2, 3, 4].map((level) => ({ value: level, label: t(`relationshipLevels.level${level as 1 | 2 | 3 | 4}`) }))}
        />
        <Select<ValueTierFilter>
          allowClear
          placeholder={t('filterValueTier')}
          aria-label={t('filterValueTier')}
          style={{ width: 130 }}
          value={filters.valueTier}
          onChange={(valueTier) => setFilters({ valueTier })}
          options={Object.values(ValueTierFilter).map((tier) => ({ value: tier, label: t(`valueTiers.${tier}`) }))}
        />
        <Select<CustomerSource>
          allowClear
          placeholder={t('fields.source')}
          aria-label={t('fields.source')}
          style={{ width: 140 }}
          value={filters.source}
          onChange={(source) => setFilters({ source })}
          options={Object.values(CustomerSource).map((source) => ({ value: source, label: t(`sources.${source}`) }))}
        />
        <TextFilter label={t('filterRegion')} value={filters.region} onChange={(region) => setFilters({ region })} />
        <TextFilter label={t('fields.industry')} value={filters.industry} onChange={(industry) => setFilters({ industry })} />
        <TextFilter label={t('filterTag')} value={filters.tag} onChange={(tag) => setFilters({ tag })} />
      </div>
      <Suspense fallback={null}>
        <SavedFiltersBar
          query={searchFromFilters(filters).toString()}
          filtered={filtered}
          onApply={(query) => setSearch(new URLSearchParams(query), { replace: true })}
        />
      </Suspense>

      {bulkTransferring && (
        <Suspense fallback={null}>
          <BulkTransferDialog onClose={() => setBulkTransferring(false)} />
        </Suspense>
      )}

      {list.isError && !list.data ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <DataTable<CustomerSummaryDto>
            caption={t('title')}
            columns={columns}
            rows={customers}
            rowKey={(c) => c.id}
            loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
            empty={
              filtered ? (
                <Empty description={<EmptyText title={t('emptyFilteredTitle')} body={t('emptyFilteredBody')} />}>
                  <Button onClick={() => setSearch(searchFromFilters({ sort: filters.sort }), { replace: true })}>{t('clearFilters')}</Button>
                </Empty>
              ) : (
                <Empty description={<EmptyText title={t('emptyTitle')} body={t('emptyBody')} />}>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/customers/new')}>
                    {t('create')}
                  </Button>
                </Empty>
              )
            }
          />

          {customers.length > 0 && (
            <div className="list-footer" aria-live="polite">
              <span>{t(list.hasNextPage ? 'loaded' : 'allLoaded', { count: customers.length })}</span>
              {list.hasNextPage && (
                <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  {t('loadMore')}
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
