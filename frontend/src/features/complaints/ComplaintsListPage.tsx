import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type ComplaintDto, ComplaintSeverity, ComplaintStatus } from '../../api/generated/complaints-client';
import { formatDateTime } from '../../shared/format';
import { ColleagueSelect } from '../../shared/ui/ColleagueSelect';
import { type Column, DataTable } from '../../shared/ui/DataTable';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError } from '../../shared/ui/PageStates';
import { type ComplaintFilters, useCauseName, useCauses, useComplaints } from './api';
import { ComplaintsNav } from './ComplaintsNav';
import { SlaTag } from './SlaTag';
import { severityColor, statusColor } from './labels';

const statuses = Object.values(ComplaintStatus);
const severities = Object.values(ComplaintSeverity);

/** The filters live in the address, so a filtered list can be bookmarked, shared and reached from a customer's card. */
function filtersOf(params: URLSearchParams): ComplaintFilters {
  const flag = (name: string) => (params.get(name) === 'true' ? true : undefined);
  const status = params.get('status') as ComplaintStatus | null;
  const severity = params.get('severity') as ComplaintSeverity | null;
  return {
    status: status && statuses.includes(status) ? status : undefined,
    severity: severity && severities.includes(severity) ? severity : undefined,
    key: flag('key'),
    open: flag('open'),
    overdue: flag('overdue'),
    ownerId: params.get('ownerId') ?? undefined,
    customerId: params.get('customerId') ?? undefined,
    cause: params.get('cause') ?? undefined,
  };
}

/** 客户投诉: every complaint the user may see, newest first, with its promised time counting down. */
export default function ComplaintsListPage() {
  const { t, i18n } = useTranslation('complaints');
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const complaints = useComplaints(filters);
  const causes = useCauses();
  const set = (name: keyof ComplaintFilters, value: string | boolean | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === false || value === '') {
      next.delete(name);
    } else {
      next.set(name, String(value));
    }
    setParams(next, { replace: true });
  };
  const rows = complaints.data?.pages.flatMap((page) => page.items) ?? [];
  const causeName = useCauseName();

  const columns: Column<ComplaintDto>[] = [
    { key: 'received', title: t('list.received'), width: 150, render: (c) => formatDateTime(c.receivedAt, i18n.language) },
    {
      key: 'title',
      title: t('list.titleColumn'),
      render: (c) => (
        <Space direction="vertical" size={0}>
          <Link to={`/complaints/${c.id}`}>{c.title}</Link>
          <span className="muted">
            {c.customerName}{' '}
            {c.keyCustomer && (
              <Tag color="gold" bordered={false}>
                {t('common.keyCustomer')}
              </Tag>
            )}
          </span>
        </Space>
      ),
    },
    { key: 'severity', title: t('list.severity'), width: 90, render: (c) => <Tag color={severityColor[c.severity]}>{t(`severities.${c.severity}`)}</Tag> },
    { key: 'status', title: t('list.status'), width: 120, render: (c) => <Tag color={statusColor[c.status]}>{t(`statuses.${c.status}`)}</Tag> },
    { key: 'cause', title: t('list.cause'), width: 110, render: (c) => causeName(c.causeKey) ?? t('common.dash') },
    { key: 'owner', title: t('list.owner'), width: 100, render: (c) => c.ownerName },
    {
      key: 'promised',
      title: t('list.promised'),
      width: 190,
      render: (c) => (
        <Space direction="vertical" size={0}>
          {formatDateTime(c.promisedAt, i18n.language)}
          <SlaTag complaint={c} />
        </Space>
      ),
    },
  ];

  return (
    <div className="page complaints-list">
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        actions={
          <Link to={filters.customerId ? `/complaints/new?customerId=${filters.customerId}` : '/complaints/new'}>
            <Button type="primary" icon={<PlusOutlined />}>
              {t('nav.intake')}
            </Button>
          </Link>
        }
      />
      <ComplaintsNav />
      <div className="filters" style={{ marginTop: 16 }}>
        <Select<ComplaintStatus | ''>
          aria-label={t('list.status')}
          style={{ width: 150 }}
          value={filters.status ?? ''}
          onChange={(value) => set('status', value)}
          options={[{ value: '', label: `${t('list.status')}：${t('common.all')}` }, ...statuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]}
        />
        <Select<ComplaintSeverity | ''>
          aria-label={t('list.severity')}
          style={{ width: 150 }}
          value={filters.severity ?? ''}
          onChange={(value) => set('severity', value)}
          options={[{ value: '', label: `${t('list.severity')}：${t('common.all')}` }, ...severities.map((s) => ({ value: s, label: t(`severities.${s}`) }))]}
        />
        <Select<string>
          aria-label={t('list.cause')}
          style={{ width: 160 }}
          value={filters.cause ?? ''}
          onChange={(value) => set('cause', value)}
          options={[{ value: '', label: `${t('list.cause')}：${t('common.all')}` }, ...(causes.data ?? []).map((c) => ({ value: c.key, label: causeName(c.key) }))]}
        />
        <ColleagueSelect
          aria-label={t('list.owner')}
          placeholder={t('list.owner')}
          allowClear
          style={{ width: 160 }}
          value={filters.ownerId}
          onChange={(ownerId) => set('ownerId', ownerId)}
        />
        <Checkbox checked={filters.key ?? false} onChange={(e) => set('key', e.target.checked)}>
          {t('list.key')}
        </Checkbox>
        <Checkbox checked={filters.open ?? false} onChange={(e) => set('open', e.target.checked)}>
          {t('list.open')}
        </Checkbox>
        <Checkbox checked={filters.overdue ?? false} onChange={(e) => set('overdue', e.target.checked)}>
          {t('list.overdue')}
        </Checkbox>
        {filters.customerId && (
          <Tag closable onClose={() => set('customerId', undefined)}>
            {t('common.customer')}：{rows[0]?.customerName ?? t('common.dash')}
          </Tag>
        )}
      </div>
      {complaints.isError ? (
        <PageError error={complaints.error} onRetry={() => void complaints.refetch()} />
      ) : (
        <>
          <DataTable<ComplaintDto> caption={t('list.caption')} columns={columns} rows={rows} rowKey={(c) => c.id} loading={complaints.isFetching && !complaints.isFetchingNextPage} empty={t('list.none')} />
          {complaints.hasNextPage && (
            <div className="list-footer">
              <Button loading={complaints.isFetchingNextPage} onClick={() => void complaints.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
