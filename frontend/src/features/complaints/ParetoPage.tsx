import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Input, Row, Statistic, Tag } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParetoCauseDto } from '../../api/generated/complaints-client';
import { formatMoney, todayInChina } from '../../shared/format';
import { useDebounced } from '../../shared/useDebounced';
import { type Column, DataTable } from '../../shared/ui/DataTable';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError } from '../../shared/ui/PageStates';
import { useSession } from '../../app/auth/session';
import { usePareto } from './api';
import { causeLabel } from './labels';
import { CausesDialog } from './CausesDialog';
import { ComplaintsNav } from './ComplaintsNav';

// Only the bar and line charts' parts of ECharts: this page is a lazy route, and no other page loads any of it.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** Who keeps the list of causes (the server decides; this only hides what would answer 403). */
const causeKeepers = ['Service', 'Director', 'Admin'];

/** The first day of the month three months back: a quarter of complaints is enough to see a pattern. */
function quarterAgo(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 3, 1));
  return start.toISOString().slice(0, 10);
}

/** 投诉原因分析 (80/20): complaints by cause, largest first, with the cumulative share that shows the vital few; and the SLA figures. */
export default function ParetoPage() {
  const { t, i18n } = useTranslation('complaints');
  const today = todayInChina();
  const [from, setFrom] = useState(quarterAgo(today));
  const [to, setTo] = useState(today);
  const [typedProduct, setTypedProduct] = useState('');
  const product = useDebounced(typedProduct.trim(), 400) || undefined;
  const pareto = usePareto(from, to, product);
  const { data: me } = useSession();
  const keepsCauses = causeKeepers.includes(me?.role ?? '');
  const [keeping, setKeeping] = useState(false);
  const dash = t('common.dash');
  const name = (c: ParetoCauseDto) => causeLabel(c, i18n.language);
  const percent = (value: number | null | undefined) => (value == null ? dash : `${value}%`);
  const hours = (value: number | null | undefined) => (value == null ? dash : t('pareto.hours', { hours: value }));
  const causes = pareto.data?.causes ?? [];
  const columns: Column<ParetoCauseDto>[] = [
    {
      key: 'cause',
      title: t('detail.cause'),
      render: (c) => (
        <>
          {name(c)}{' '}
          {c.vital && (
            <Tag color="red" bordered={false}>
              {t('pareto.vital')}
            </Tag>
          )}
        </>
      ),
    },
    { key: 'count', title: t('pareto.count'), width: 90, render: (c) => c.count },
    { key: 'share', title: t('pareto.share'), width: 90, render: (c) => `${c.share}%` },
    { key: 'cumulative', title: t('pareto.cumulative'), width: 110, render: (c) => `${c.cumulativeShare}%` },
    { key: 'cost', title: t('pareto.cost'), width: 130, render: (c) => formatMoney(c.cost, i18n.language) },
  ];

  return (
    <div className="page complaints-pareto">
      <PageHeader
        title={t('pareto.title')}
        subtitle={t('pareto.subtitle')}
        actions={
          keepsCauses && (
            <Button icon={<SettingOutlined />} onClick={() => setKeeping(true)}>
              {t('causes.manage')}
            </Button>
          )
        }
      />
      <ComplaintsNav />
      {keeping && <CausesDialog onClose={() => setKeeping(false)} />}
      <div className="filters" style={{ marginTop: 16 }}>
        <Input type="date" aria-label={t('pareto.from')} addonBefore={t('pareto.from')} style={{ width: 220 }} value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        <Input type="date" aria-label={t('pareto.to')} addonBefore={t('pareto.to')} style={{ width: 220 }} value={to} min={from} onChange={(e) => e.target.value && setTo(e.target.value)} />
        <Input allowClear aria-label={t('pareto.product')} addonBefore={t('pareto.product')} placeholder={t('pareto.productPlaceholder')} style={{ width: 260 }} value={typedProduct} onChange={(e) => setTypedProduct(e.target.value)} />
      </div>
      {pareto.isError ? (
        <PageError error={pareto.error} onRetry={() => void pareto.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6} lg={3}>
              <Statistic title={t('pareto.total')} value={pareto.data?.total ?? dash} loading={pareto.isLoading} />
            </Col>
            <Col xs={12} md={6} lg={3}>
              <Statistic title={t('pareto.uncaused')} value={pareto.data?.uncaused ?? dash} loading={pareto.isLoading} />
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Statistic title={t('pareto.totalCost')} value={pareto.data ? formatMoney(pareto.data.totalCost, i18n.language) : dash} loading={pareto.isLoading} />
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Statistic title={t('pareto.acknowledgedAvg')} value={hours(pareto.data?.sla.averageHoursToAcknowledge)} loading={pareto.isLoading} />
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Statistic title={t('pareto.resolvedAvg')} value={hours(pareto.data?.sla.averageHoursToResolve)} loading={pareto.isLoading} />
            </Col>
            <Col xs={12} md={6} lg={3}>
              <Statistic title={t('pareto.onTime')} value={percent(pareto.data?.sla.onTimeRate)} loading={pareto.isLoading} />
            </Col>
            <Col xs={12} md={6} lg={3}>
              <Statistic title={t('pareto.reopenRate')} value={percent(pareto.data?.sla.reopenRate)} loading={pareto.isLoading} />
            </Col>
          </Row>
          <Card size="small" title={t('pareto.chart')} style={{ marginBottom: 16 }} loading={pareto.isLoading}>
            {causes.length === 0 ? (
              <Empty description={t('pareto.none')} />
            ) : (
              <ReactEChartsCore
                echarts={echarts}
                style={{ height: 340 }}
                option={{
                  animation: false,
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { left: 48, right: 56, top: 36, bottom: 40 },
                  xAxis: { type: 'category', data: causes.map(name), axisLabel: { interval: 0 } },
                  yAxis: [
                    { type: 'value', minInterval: 1, name: t('pareto.count') },
                    { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
                  ],
                  series: [
                    {
                      name: t('pareto.count'),
                      type: 'bar',
                      data: causes.map((c) => ({ value: c.count, itemStyle: { color: c.vital ? '#cf1322' : '#1677ff' } })),
                    },
                    {
                      name: t('pareto.cumulative'),
                      type: 'line',
                      yAxisIndex: 1,
                      data: causes.map((c) => c.cumulativeShare),
                      markLine: { silent: true, symbol: 'none', data: [{ yAxis: 80 }], label: { formatter: '80%' }, lineStyle: { type: 'dashed' } },
                    },
                  ],
                }}
              />
            )}
          </Card>
          {causes.length > 0 && (
            <DataTable<ParetoCauseDto> caption={t('pareto.chart')} columns={columns} rows={causes} rowKey={(c) => c.causeKey} loading={pareto.isFetching} empty={t('pareto.none')} />
          )}
        </>
      )}
    </div>
  );
}
