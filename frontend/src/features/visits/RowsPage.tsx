import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { DailyReportDto, VisitPlanDto, VisitRecordDto } from '../../api/generated/visits-client';
import { formatDateTime, formatMoney } from '../../shared/format';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError } from '../../shared/ui/PageStates';
import { type RecordFilters, usePlans, useReportRows, useVisitRecords } from './api';
import { planStatusColor } from './labels';
import { VisitsNav } from './VisitsNav';

/** The query a report's figure links with: the days, and the team or rep, whose rows it counts. */
function useRowFilters(): RecordFilters {
  const [params] = useSearchParams();
  const flag = (name: string) => (params.has(name) ? params.get(name) === 'true' : undefined);
  return {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    teamId: params.get('teamId') ?? undefined,
    repId: params.get('repId') ?? undefined,
    outcome: flag('outcome'),
    ordered: flag('ordered'),
  };
}

/** The visits a figure counts (a week's effective visits, a rep's visits with an order). */
export function VisitRowsPage() {
  const { t, i18n } = useTranslation('visits');
  const filters = useRowFilters();
  const visits = useVisitRecords(filters);
  return (
    <div className="page visits-rows">
      <PageHeader title={t('weekly.visits')} subtitle={filters.from && t('weekly.weekOf', { from: filters.from, to: filters.to ?? filters.from })} />
      <VisitsNav />
      {visits.isError ? (
        <PageError error={visits.error} onRetry={() => void visits.refetch()} />
      ) : (
        <Table<VisitRecordDto>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="small"
          loading={visits.isLoading}
          dataSource={visits.data}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('visit.checkedInAt'), render: (_, v) => formatDateTime(v.checkedInAt, i18n.language) },
            { title: t('common.customer'), render: (_, v) => <Link to={`/customers/${v.customerId}`}>{v.customerName}</Link> },
            { title: t('plan.purpose'), render: (_, v) => t(`purposes.${v.purpose}`) },
            { title: t('visit.outcome'), render: (_, v) => v.outcome ?? <Tag color="processing">{t('visit.open')}</Tag> },
            { title: t('visit.ordered'), render: (_, v) => (v.ordered ? <Tag color="gold">✓</Tag> : null) },
            { title: t('visit.cost'), render: (_, v) => (v.cost == null ? t('common.dash') : formatMoney(v.cost, i18n.language)) },
          ]}
        />
      )}
    </div>
  );
}

/** The plans a figure counts (a week's planned visits). */
export function PlanRowsPage() {
  const { t } = useTranslation('visits');
  const filters = useRowFilters();
  const plans = usePlans(filters.from ?? '', filters.to ?? filters.from ?? '', filters.teamId);
  return (
    <div className="page visits-rows">
      <PageHeader title={t('weekly.plannedVisits')} subtitle={filters.from && t('weekly.weekOf', { from: filters.from, to: filters.to ?? filters.from })} />
      <VisitsNav />
      {plans.isError ? (
        <PageError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : (
        <Table<VisitPlanDto>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="small"
          loading={plans.isLoading}
          dataSource={plans.data}
          pagination={false}
          columns={[
            { title: t('common.day'), dataIndex: 'day' },
            { title: t('common.rep'), render: (_, p) => p.repName },
            { title: t('plan.title'), render: (_, p) => p.visits.map((v) => v.customerName).join('、') },
            { title: '', render: (_, p) => <Tag color={planStatusColor[p.status]}>{t(`planStatuses.${p.status}`)}</Tag> },
          ]}
        />
      )}
    </div>
  );
}

/** The daily reports a figure counts (a week's late reports). */
export function ReportRowsPage() {
  const { t, i18n } = useTranslation('visits');
  const filters = useRowFilters();
  const [params] = useSearchParams();
  const late = params.has('late') ? params.get('late') === 'true' : undefined;
  const reports = useReportRows({ ...filters, late });
  return (
    <div className="page visits-rows">
      <PageHeader title={t('report.title')} subtitle={filters.from && t('weekly.weekOf', { from: filters.from, to: filters.to ?? filters.from })} />
      <VisitsNav />
      {reports.isError ? (
        <PageError error={reports.error} onRetry={() => void reports.refetch()} />
      ) : (
        <Table<DailyReportDto>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="small"
          loading={reports.isLoading}
          dataSource={reports.data}
          pagination={false}
          columns={[
            { title: t('common.day'), dataIndex: 'day' },
            { title: t('common.rep'), render: (_, r) => r.repName },
            { title: '', render: (_, r) => <Tag color={r.late ? 'error' : 'success'}>{r.late ? t('report.late') : t('report.onTime')}</Tag> },
            { title: t('report.orderAmount'), render: (_, r) => formatMoney(r.orderAmount, i18n.language) },
            { title: t('report.comment'), render: (_, r) => r.reviewComment ?? t('report.waiting') },
          ]}
        />
      )}
    </div>
  );
}
