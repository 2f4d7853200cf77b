import { Card, Col, Descriptions, Empty, Input, List, Row, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DealCardDto, MonthWeekDto } from '../../api/generated/deals-client';
import { formatMoney, todayInChina } from '../../shared/format';
import { ColleagueSelect } from '../../shared/ui/ColleagueSelect';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError, PageLoading } from '../../shared/ui/PageStates';
import { useMonthFocus, useWeekFocus } from './api';

/** 看板管理: the week's focus (today, tomorrow, the week) and the month's plan, built from the deals' next steps and expected closes. */
export default function FocusPage() {
  const { t } = useTranslation('deals');
  const [day, setDay] = useState(todayInChina());
  const [ownerId, setOwnerId] = useState<string>();
  return (
    <div className="page focus-page">
      <PageHeader title={t('focus.title')} subtitle={t('focus.subtitle')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input type="date" aria-label={t('focus.day')} value={day} onChange={(e) => setDay(e.target.value || todayInChina())} style={{ width: 170 }} />
        <ColleagueSelect allowClear withTeam placeholder={t('board.filterOwner')} aria-label={t('board.filterOwner')} value={ownerId} onChange={setOwnerId} style={{ width: 200 }} />
      </Space>
      <Tabs
        items={[
          { key: 'week', label: t('focus.week'), children: <WeekBoard day={day} ownerId={ownerId} /> },
          { key: 'month', label: t('focus.month'), children: <MonthBoard day={day} ownerId={ownerId} /> },
        ]}
      />
    </div>
  );
}

function WeekBoard({ day, ownerId }: { day: string; ownerId?: string }) {
  const { t } = useTranslation('deals');
  const week = useWeekFocus(day, ownerId);
  if (week.isPending) {
    return <PageLoading />;
  }
  if (week.isError) {
    return <PageError error={week.error} onRetry={() => void week.refetch()} />;
  }
  const lists = [
    { key: 'overdue', items: week.data.overdue, color: 'error' },
    { key: 'today', items: week.data.today, color: 'processing' },
    { key: 'tomorrow', items: week.data.tomorrow, color: 'warning' },
    { key: 'thisWeek', items: week.data.week, color: 'default' },
  ] as const;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('focus.weekRange', { start: week.data.weekStart, end: week.data.weekEnd })}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {lists.map((list) => (
          <Col key={list.key} xs={24} md={12} xl={6}>
            <Card size="small" title={<Space>{t(`focus.lists.${list.key}`)}<Tag color={list.color}>{list.items.length}</Tag></Space>} className="focus-list" data-list={list.key}>
              <FocusItems items={list.items} />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}

/** Deals on a board list: the deal, its customer, the next step and when, the expected close. */
function FocusItems({ items }: { items: DealCardDto[] }) {
  const { t, i18n } = useTranslation('deals');
  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('focus.nothing')} />;
  }
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(deal) => (
        <List.Item key={deal.id}>
          <List.Item.Meta
            title={<Link to={`/deals/${deal.id}`}>{deal.title}</Link>}
            description={
              <>
                <div>
                  {deal.customerName} · {formatMoney(deal.amount, i18n.language, deal.currency)} · {deal.ownerName}
                </div>
                {deal.nextStep && <div>{t('focus.nextStep', { step: deal.nextStep, due: deal.nextStepDue ?? t('common.dash') })}</div>}
                {deal.expectedCloseOn && <div>{t('board.expectedClose', { date: deal.expectedCloseOn })}</div>}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

function MonthBoard({ day, ownerId }: { day: string; ownerId?: string }) {
  const { t, i18n } = useTranslation('deals');
  const month = useMonthFocus(day, ownerId);
  if (month.isPending) {
    return <PageLoading />;
  }
  if (month.isError) {
    return <PageError error={month.error} onRetry={() => void month.refetch()} />;
  }
  const money = (amount: number) => formatMoney(amount, i18n.language, month.data.currency);
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('focus.expected')}>{money(month.data.expectedAmount)}</Descriptions.Item>
        <Descriptions.Item label={t('focus.weighted')}>{money(month.data.weightedAmount)}</Descriptions.Item>
        <Descriptions.Item label={t('focus.won')}>{money(month.data.won)}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[16, 16]}>
        {month.data.weeks.map((week) => (
          <Col key={week.start} xs={24} md={12} xl={8}>
            <MonthWeek week={week} currency={month.data.currency} />
          </Col>
        ))}
        <Col xs={24} md={12} xl={8}>
          <Card size="small" title={t('focus.crossWeek')} className="focus-list" data-list="crossWeek">
            <FocusItems items={month.data.crossWeek} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function MonthWeek({ week, currency }: { week: MonthWeekDto; currency: string }) {
  const { t, i18n } = useTranslation('deals');
  return (
    <Card
      size="small"
      title={t('focus.weekRange', { start: week.start, end: week.end })}
      extra={<Typography.Text type="secondary">{t('focus.weekTotals', { expected: formatMoney(week.expectedAmount, i18n.language, currency), weighted: formatMoney(week.weightedAmount, i18n.language, currency) })}</Typography.Text>}
      className="focus-list"
    >
      <Typography.Text strong>{t('focus.closing')}</Typography.Text>
      <FocusItems items={week.closing} />
      <Typography.Text strong>{t('focus.nextSteps')}</Typography.Text>
      <FocusItems items={week.nextSteps} />
    </Card>
  );
}
