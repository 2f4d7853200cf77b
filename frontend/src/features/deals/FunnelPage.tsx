import { Card, Col, Empty, Input, InputNumber, Row, Space, Statistic, Table } from 'antd';
import { FunnelChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FunnelFiguresDto, FunnelRepDto } from '../../api/generated/deals-client';
import { formatMoney, todayInChina } from '../../shared/format';
import { ColleagueSelect } from '../../shared/ui/ColleagueSelect';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError } from '../../shared/ui/PageStates';
import { useFunnel } from './api';

// Only the funnel chart's parts of ECharts: this page is a lazy route, and the customers page never loads any of it.
echarts.use([FunnelChart, TooltipComponent, CanvasRenderer]);

/** The stages of seed 001's table, in its order: each counted from what was recorded, never typed in. */
const stages = ['callsMade', 'callsReached', 'appointments', 'recommendations', 'dealsWon'] as const satisfies readonly (keyof FunnelFiguresDto)[];

/** 评价推销的效率: calls made → completed → appointments → recommendations → deals → amount, per rep and in total, with what each call earned. */
export default function FunnelPage() {
  const { t, i18n } = useTranslation('deals');
  const today = todayInChina();
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [ownerId, setOwnerId] = useState<string>();
  const [percent, setPercent] = useState(5);
  const funnel = useFunnel({ from, to, ownerId, commissionPercent: percent });
  const money = (amount: number | null | undefined) => (amount == null ? t('common.dash') : formatMoney(amount, i18n.language));
  const total = funnel.data?.total;

  return (
    <div className="page funnel-page">
      <PageHeader title={t('funnel.title')} subtitle={t('funnel.subtitle')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input type="date" aria-label={t('funnel.from')} value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} style={{ width: 160 }} />
        <Input type="date" aria-label={t('funnel.to')} value={to} min={from} onChange={(e) => e.target.value && setTo(e.target.value)} style={{ width: 160 }} />
        <ColleagueSelect allowClear withTeam placeholder={t('funnel.everyone')} aria-label={t('fields.owner')} value={ownerId} onChange={setOwnerId} style={{ width: 200 }} />
        <InputNumber<number>
          aria-label={t('funnel.commissionRate')}
          addonBefore={t('funnel.commissionRate')}
          addonAfter="%"
          min={0}
          max={100}
          precision={2}
          value={percent}
          onChange={(value) => value !== null && setPercent(value)}
          style={{ width: 220 }}
        />
      </Space>
      {funnel.isError ? (
        <PageError error={funnel.error} onRetry={() => void funnel.refetch()} />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('funnel.chart')} loading={funnel.isLoading}>
                {total && total.callsMade + total.dealsWon + total.appointments + total.recommendations > 0 ? (
                  <ReactEChartsCore
                    echarts={echarts}
                    style={{ height: 320 }}
                    option={{
                      // Drawn at once: a funnel that grows into place reads the same and never shows half-drawn.
                      animation: false,
                      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
                      series: [
                        {
                          type: 'funnel',
                          sort: 'none',
                          minSize: '12%',
                          label: { show: true, position: 'inside', formatter: '{b}\n{c}' },
                          data: stages.map((stage) => ({ name: t(`funnel.stages.${stage}`), value: total[stage] })),
                        },
                      ],
                    }}
                  />
                ) : (
                  <Empty description={t('funnel.nothing')} />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('funnel.earnings')} loading={funnel.isLoading}>
                <Row gutter={[16, 24]}>
                  <Col span={12}>
                    <Statistic title={t('funnel.amount')} value={money(total?.amount)} />
                  </Col>
                  <Col span={12}>
                    <Statistic title={t('funnel.revenuePerCall')} value={money(total?.revenuePerCall)} />
                  </Col>
                  <Col span={12}>
                    <Statistic title={t('funnel.commission', { percent: String(funnel.data?.commissionPercent ?? percent) })} value={money(total?.commission)} />
                  </Col>
                  <Col span={12}>
                    <Statistic title={t('funnel.commissionPerCall')} value={money(total?.commissionPerCall)} />
                  </Col>
                  <Col span={12}>
                    <Statistic
                      title={t('funnel.sellingHours')}
                      value={total?.sellingHours == null ? t('funnel.untimed') : t('funnel.hours', { hours: String(total.sellingHours) })}
                    />
                  </Col>
                  <Col span={12}>
                    <Statistic title={t('funnel.salesPerHour')} value={money(total?.salesPerHour)} />
                  </Col>
                </Row>
              </Card>
            </Col>
          </Row>
          <Table<FunnelRepDto>
            rowKey="repId"
            size="small"
            loading={funnel.isFetching}
            pagination={false}
            dataSource={funnel.data?.reps}
            locale={{ emptyText: t('funnel.nothing') }}
            columns={[
              { title: t('fields.owner'), render: (_, rep) => rep.repName ?? t('common.dash') },
              ...stages.map((stage) => ({ title: t(`funnel.stages.${stage}`), align: 'right' as const, render: (_: unknown, rep: FunnelRepDto) => rep.figures[stage] })),
              { title: t('funnel.amount'), align: 'right', render: (_, rep) => money(rep.figures.amount) },
              { title: t('funnel.revenuePerCall'), align: 'right', render: (_, rep) => money(rep.figures.revenuePerCall) },
              { title: t('funnel.commissionPerCall'), align: 'right', render: (_, rep) => money(rep.figures.commissionPerCall) },
              { title: t('funnel.salesPerHour'), align: 'right', render: (_, rep) => money(rep.figures.salesPerHour) },
            ]}
          />
        </>
      )}
    </div>
  );
}
