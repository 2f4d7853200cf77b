import { Badge, Button, Card, Empty, Input, List, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DailyReportDto, MarketReportDto, VisitPlanDto } from '../../api/generated/visits-client';
import { hasStatus } from '../../api/problems';
import { formatDateTime, formatMoney } from '../../shared/format';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError, PageLoading } from '../../shared/ui/PageStates';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useAcknowledgeMarket, useInbox, usePlanStep, useReturnPlan, useReviewReport } from './api';
import { severityColor, slot } from './labels';
import { VisitsNav } from './VisitsNav';

/** 待审批: the manager's inbox — plans, reports and market reports waiting, oldest first, each handled without leaving the list. */
export default function InboxPage() {
  const { t } = useTranslation('visits');
  const inbox = useInbox();
  if (inbox.isPending) {
    return <PageLoading />;
  }
  if (inbox.isError) {
    return <PageError error={inbox.error} onRetry={() => void inbox.refetch()} />;
  }
  const { plans, amendments, reports, market } = inbox.data;
  const label = (text: string, count: number) => (
    <Space>
      {text}
      <Badge count={count} showZero={false} />
    </Space>
  );
  return (
    <div className="page visits-inbox">
      <PageHeader title={t('inbox.title')} subtitle={t('inbox.subtitle')} />
      <VisitsNav />
      <Tabs
        style={{ marginTop: 16 }}
        items={[
          { key: 'plans', label: label(t('inbox.plans', { count: plans.length }), plans.length), children: <PlanList plans={plans} /> },
          { key: 'reports', label: label(t('inbox.reports', { count: reports.length }), reports.length), children: <ReportList reports={reports} /> },
          { key: 'amendments', label: label(t('inbox.amendments', { count: amendments.length }), amendments.length), children: <PlanList plans={amendments} amendments /> },
          { key: 'market', label: label(t('inbox.market', { count: market.length }), market.length), children: <MarketList reports={market} /> },
        ]}
      />
    </div>
  );
}

function useFailure() {
  const { t } = useTranslation('visits');
  const message = useMessage();
  return (error: unknown) => void message.error(hasStatus(error, 412) ? t('common.changedElsewhere') : problemMessage(error, t));
}

function PlanList({ plans, amendments = false }: { plans: VisitPlanDto[]; amendments?: boolean }) {
  const { t, i18n } = useTranslation('visits');
  const step = usePlanStep();
  const returnPlan = useReturnPlan();
  const [comments, setComments] = useState<Record<string, string>>({});
  const message = useMessage();
  const failed = useFailure();
  if (plans.length === 0) {
    return <Empty description={t('inbox.empty')} />;
  }
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {plans.map((plan) => (
        <Card
          key={plan.id}
          size="small"
          data-testid={`plan-${plan.id}`}
          title={
            <Space wrap>
              {plan.repName}
              <Typography.Text>{plan.day}</Typography.Text>
              <Tag>{t('inbox.visitsCount', { count: plan.visits.length })}</Tag>
              {plan.submittedAt && <Typography.Text type="secondary">{t('inbox.submittedAt', { time: formatDateTime(plan.submittedAt, i18n.language) })}</Typography.Text>}
            </Space>
          }
        >
          <List
            size="small"
            dataSource={plan.visits}
            renderItem={(v) => (
              <List.Item>
                <Space wrap>
                  <Typography.Text type="secondary">{slot(v.from, v.to) || t('common.dash')}</Typography.Text>
                  {v.customerName}
                  <Tag>{t(`purposes.${v.purpose}`)}</Tag>
                  {v.area}
                  {v.notes && <Typography.Text type="secondary">{v.notes}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
          {amendments ? (
            <Button disabled={step.isPending} onClick={() => step.mutate({ plan, step: 'acknowledge' }, { onSuccess: () => void message.success(t('inbox.acknowledged')), onError: failed })}>{t('inbox.acknowledge')}</Button>
          ) : (
            <Space wrap style={{ marginTop: 8 }}>
              <Button type="primary" disabled={step.isPending || returnPlan.isPending} onClick={() => step.mutate({ plan, step: 'approve' }, { onSuccess: () => void message.success(t('inbox.approved')), onError: failed })}>
                {t('inbox.approve')}
              </Button>
              <Input
                aria-label={t('inbox.returnComment')}
                placeholder={t('inbox.returnComment')}
                value={comments[plan.id] ?? ''}
                onChange={(e) => setComments({ ...comments, [plan.id]: e.target.value })}
                style={{ width: 320 }}
              />
              <Button
                danger
                disabled={!comments[plan.id]?.trim() || step.isPending || returnPlan.isPending}
                onClick={() => returnPlan.mutate({ plan, comment: comments[plan.id] ?? '' }, { onSuccess: () => void message.success(t('inbox.returned')), onError: failed })}
              >
                {t('inbox.return')}
              </Button>
            </Space>
          )}
        </Card>
      ))}
    </Space>
  );
}

function ReportList({ reports }: { reports: DailyReportDto[] }) {
  const { t, i18n } = useTranslation('visits');
  const review = useReviewReport();
  const [comments, setComments] = useState<Record<string, string>>({});
  const message = useMessage();
  const failed = useFailure();
  if (reports.length === 0) {
    return <Empty description={t('inbox.empty')} />;
  }
  const money = (amount: number) => formatMoney(amount, i18n.language);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {reports.map((report) => (
        <Card
          key={report.id}
          size="small"
          data-testid={`report-${report.id}`}
          title={
            <Space wrap>
              {report.repName}
              {report.day}
              <Tag color={report.late ? 'error' : 'success'}>{report.late ? t('report.late') : t('report.onTime')}</Tag>
            </Space>
          }
        >
          <Space wrap size={24}>
            <span>{`${t('report.visits')} ${report.efficiency.visits}`}</span>
            <span>{`${t('report.effectiveVisits')} ${report.efficiency.effectiveVisits}`}</span>
            <span>{`${t('report.orders')} ${report.orders}`}</span>
            <span>{`${t('report.orderAmount')} ${money(report.orderAmount)}`}</span>
            <span>{`${t('report.collected')} ${money(report.collected)}`}</span>
          </Space>
          {[
            [t('report.competitorInfo'), report.competitorInfo],
            [t('report.customerFeedback'), report.customerFeedback],
            [t('report.customerNews'), report.customerNews],
            [t('report.lessons'), report.lessons],
          ]
            .filter(([, text]) => text)
            .map(([title, text]) => (
              <Typography.Paragraph key={title} style={{ margin: '8px 0 0' }}>
                <Typography.Text strong>{title}：</Typography.Text>
                {text}
              </Typography.Paragraph>
            ))}
          <Space wrap style={{ marginTop: 8 }}>
            <Input
              aria-label={t('report.comment')}
              placeholder={t('inbox.commentPlaceholder')}
              value={comments[report.id] ?? ''}
              onChange={(e) => setComments({ ...comments, [report.id]: e.target.value })}
              style={{ width: 360 }}
            />
            <Button
              type="primary"
              disabled={!comments[report.id]?.trim() || review.isPending}
              onClick={() => review.mutate({ report, comment: comments[report.id] ?? '' }, { onSuccess: () => void message.success(t('report.reviewedDone')), onError: failed })}
            >
              {t('report.review')}
            </Button>
          </Space>
        </Card>
      ))}
    </Space>
  );
}

function MarketList({ reports }: { reports: MarketReportDto[] }) {
  const { t } = useTranslation('visits');
  const acknowledge = useAcknowledgeMarket();
  const [responses, setResponses] = useState<Record<string, string>>({});
  const message = useMessage();
  const failed = useFailure();
  if (reports.length === 0) {
    return <Empty description={t('inbox.empty')} />;
  }
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {reports.map((report) => (
        <Card
          key={report.id}
          size="small"
          title={
            <Space wrap>
              <Link to={`/visits/market-reports/${report.id}`}>{t(`marketKinds.${report.kind}`)}</Link>
              <Tag color={severityColor[report.severity]}>{t(`severities.${report.severity}`)}</Tag>
              {report.repName}
              {report.observedOn}
            </Space>
          }
        >
          <Typography.Paragraph>{report.description}</Typography.Paragraph>
          <Space wrap>
            <Input
              aria-label={t('market.response')}
              placeholder={t('inbox.responsePlaceholder')}
              value={responses[report.id] ?? ''}
              onChange={(e) => setResponses({ ...responses, [report.id]: e.target.value })}
              style={{ width: 360 }}
            />
            <Button disabled={acknowledge.isPending} onClick={() => acknowledge.mutate({ report, response: responses[report.id]?.trim() || undefined }, { onSuccess: () => void message.success(t('inbox.acknowledged')), onError: failed })}>
              {t('inbox.acknowledge')}
            </Button>
          </Space>
        </Card>
      ))}
    </Space>
  );
}
