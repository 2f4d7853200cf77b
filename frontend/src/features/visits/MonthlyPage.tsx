import { Card, Col, Empty, Input, Row, Statistic, Table, Tag, Typography } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityCounts, MonthlyRepDto, MonthlyTeamDto } from '../../api/generated/visits-client';
import type { OverdueByOwnerDto } from '../../api/generated/customers-client';
import { formatMoney, todayInChina } from '../../shared/format';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError } from '../../shared/ui/PageStates';
import { useMonthly, useOverdueByOwner } from './api';
import { rate } from './labels';
import { VisitsNav } from './VisitsNav';

// Only the bar and line charts' parts of ECharts: this page is a lazy route, and the customers page never loads any of it.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Row = (MonthlyTeamDto | MonthlyRepDto) & { key: string; name: string };

/** 月度控制: per team and rep, this month's visits, rates, on-time reports and cost per visit beside last month's, and the visit norm. */
export default function MonthlyPage() {
  const { t, i18n } = useTranslation('visits');
  const [month, setMonth] = useState(todayInChina().slice(0, 7));
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const view = useMonthly(year, monthNumber);
  const overdue = useOverdueByOwner();
  const dash = t('common.dash');
  const onTime = (c: ActivityCounts) => {
    const due = c.reportsOnTime + c.reportsLate + c.reportsMissing;
    return due === 0 ? dash : `${c.reportsOnTime} / ${due}`;
  };
  const money = (amount: number | null | undefined) => (amount == null ? dash : formatMoney(amount, i18n.language));
  const rows: Row[] = (view.data?.teams ?? []).map((team) => ({ ...team, key: team.teamId, name: team.teamName }));

  return (
    <div className="page visits-monthly">
      <PageHeader
        title={t('monthly.title')}
        subtitle={t('monthly.subtitle')}
        actions={<Input type="month" aria-label={t('monthly.month')} value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} style={{ width: 160 }} />}
      />
      <VisitsNav />
      {view.isError ? (
        <PageError error={view.error} onRetry={() => void view.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            {view.data && (
              <>
                <Col xs={12} md={6}>
                  <Statistic title={t('monthly.visits')} value={view.data.thisMonth.visits} suffix={<Typography.Text type="secondary">{t('monthly.previous', { value: view.data.previousMonth.visits })}</Typography.Text>} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('monthly.effectiveVisitRate')} value={rate(view.data.thisMonth.effectiveVisitRate, dash)} suffix={<Typography.Text type="secondary">{t('monthly.previous', { value: rate(view.data.previousMonth.effectiveVisitRate, dash) })}</Typography.Text>} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('monthly.transactionRate')} value={rate(view.data.thisMonth.transactionRate, dash)} suffix={<Typography.Text type="secondary">{t('monthly.previous', { value: rate(view.data.previousMonth.transactionRate, dash) })}</Typography.Text>} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('monthly.costPerVisit')} value={money(view.data.thisMonth.costPerVisit)} suffix={<Typography.Text type="secondary">{t('monthly.previous', { value: money(view.data.previousMonth.costPerVisit) })}</Typography.Text>} />
                </Col>
              </>
            )}
          </Row>
          <Card size="small" title={t('monthly.chart')} loading={view.isLoading} style={{ marginTop: 16 }}>
            {rows.length > 0 ? (
              <ReactEChartsCore
                echarts={echarts}
                style={{ height: 300 }}
                option={{
                  animation: false,
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { left: 48, right: 48, top: 36, bottom: 32 },
                  xAxis: { type: 'category', data: rows.map((r) => r.name) },
                  yAxis: [
                    { type: 'value', minInterval: 1 },
                    { type: 'value', axisLabel: { formatter: '{value}%' } },
                  ],
                  series: [
                    { name: t('monthly.thisMonth'), type: 'bar', data: rows.map((r) => r.thisMonth.visits) },
                    { name: t('monthly.lastMonth'), type: 'bar', data: rows.map((r) => r.previousMonth.visits) },
                    { name: t('monthly.effectiveVisitRate'), type: 'line', yAxisIndex: 1, data: rows.map((r) => r.thisMonth.effectiveVisitRate ?? null) },
                  ],
                }}
              />
            ) : (
              <Empty description={t('monthly.nothing')} />
            )}
          </Card>
          {view.data && <Typography.Paragraph style={{ marginTop: 16 }}>{t('monthly.norm', { norm: view.data.visitNorm, toDate: view.data.teams[0]?.reps[0]?.normToDate ?? 0 })}</Typography.Paragraph>}
          <Table<Row>
            rowKey="key"
            size="small"
            loading={view.isLoading}
            pagination={false}
            dataSource={rows}
            expandable={{ childrenColumnName: 'none', expandedRowRender: (team) => <RepTable reps={(team as MonthlyTeamDto).reps} money={money} onTime={onTime} /> }}
            columns={[
              { title: t('common.team'), dataIndex: 'name' },
              { title: t('monthly.visits'), render: (_, r) => `${r.thisMonth.visits} (${t('monthly.previous', { value: r.previousMonth.visits })})` },
              { title: t('monthly.effectiveVisitRate'), render: (_, r) => rate(r.thisMonth.effectiveVisitRate, dash) },
              { title: t('monthly.transactionRate'), render: (_, r) => rate(r.thisMonth.transactionRate, dash) },
              { title: t('monthly.onTime'), render: (_, r) => onTime(r.thisMonth) },
              { title: t('monthly.costPerVisit'), render: (_, r) => money(r.thisMonth.costPerVisit) },
            ]}
          />
          <Card size="small" title={t('monthly.overdue')} style={{ marginTop: 16 }}>
            {overdue.isError ? (
              <PageError error={overdue.error} onRetry={() => void overdue.refetch()} />
            ) : (
            <Table<OverdueByOwnerDto>
              rowKey="ownerId"
              size="small"
              loading={overdue.isLoading}
              pagination={false}
              dataSource={overdue.data}
              locale={{ emptyText: t('monthly.noOverdue') }}
              columns={[
                { title: t('common.rep'), render: (_, o) => o.ownerName ?? dash },
                { title: t('monthly.callOverdue'), dataIndex: 'callOverdue' },
                { title: t('monthly.visitOverdue'), dataIndex: 'visitOverdue' },
              ]}
            />
            )}
          </Card>
        </>
      )}
    </div>
  );
}

function RepTable({ reps, money, onTime }: { reps: MonthlyRepDto[]; money: (amount: number | null | undefined) => string; onTime: (c: ActivityCounts) => string }) {
  const { t } = useTranslation('visits');
  const dash = t('common.dash');
  return (
    <Table<MonthlyRepDto>
      rowKey="repId"
      size="small"
      pagination={false}
      dataSource={reps}
      columns={[
        { title: t('common.rep'), render: (_, r) => (r.belowNorm ? <>{r.repName} <Tag color="warning">{t('monthly.belowNorm')}</Tag></> : r.repName) },
        { title: t('monthly.visits'), render: (_, r) => `${r.thisMonth.visits} (${t('monthly.previous', { value: r.previousMonth.visits })})` },
        { title: t('monthly.effectiveVisitRate'), render: (_, r) => rate(r.thisMonth.effectiveVisitRate, dash) },
        { title: t('monthly.transactionRate'), render: (_, r) => rate(r.thisMonth.transactionRate, dash) },
        { title: t('monthly.onTime'), render: (_, r) => onTime(r.thisMonth) },
        { title: t('monthly.costPerVisit'), render: (_, r) => money(r.thisMonth.costPerVisit) },
      ]}
    />
  );
}
