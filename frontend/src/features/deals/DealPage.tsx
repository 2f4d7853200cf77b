import { EditOutlined, RollbackOutlined, TrophyOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Form, Input, Modal, Row, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DealStatus, LostReason, StagePhase, type DealDto, type DealLineDto } from '../../api/generated/deals-client';
import { maxLengths } from '../../api/generated/limits';
import { hasStatus } from '../../api/problems';
import { formatDateTime, formatMoney } from '../../shared/format';
import { NotFound } from '../../shared/ui/NotFound';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError, PageLoading } from '../../shared/ui/PageStates';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useDeal, useLoseDeal, useReopenDeal, useStageHistory, useStages } from './api';
import { InvoicesPanel } from './InvoicesPanel';
import { ObjectionsPanel } from './ObjectionsPanel';
import { stageName } from './stages';
import { WinDialog } from './WinDialog';

const statusColors: Record<DealStatus, string> = { [DealStatus.Open]: 'processing', [DealStatus.Won]: 'success', [DealStatus.Lost]: 'default' };

/** One deal: its terms and lines, where it stands, how it got there; win, lose or reopen it. */
export default function DealPage() {
  const { t, i18n } = useTranslation('deals');
  const { id = '' } = useParams();
  const deal = useDeal(id);
  const stages = useStages();
  const [winning, setWinning] = useState(false);
  const [losing, setLosing] = useState(false);
  const reopen = useReopenDeal();
  const message = useMessage();

  if (deal.isPending) {
    return <PageLoading />;
  }
  if (deal.isError) {
    return hasStatus(deal.error, 404) || hasStatus(deal.error, 400) ? (
      <NotFound title={t('notFoundTitle')} body={t('notFoundBody')} backTo="/deals" backLabel={t('backToBoard')} />
    ) : (
      <PageError error={deal.error} onRetry={() => void deal.refetch()} />
    );
  }

  const current = deal.data;
  const money = (amount: number | undefined) => (amount === undefined ? t('common.dash') : formatMoney(amount, i18n.language, current.currency));
  const stage = stages.data?.find((s) => s.key === current.stage);
  const open = current.status === DealStatus.Open;

  return (
    <div className="page deal-page">
      <PageHeader
        title={
          <>
            {current.title} <Tag color={statusColors[current.status]}>{t(`statuses.${current.status}`)}</Tag>{' '}
            {stage && <Tag bordered={false}>{stageName(stage, i18n.language)}</Tag>}
          </>
        }
        subtitle={
          <>
            <Link to={`/customers/${current.customerId}`}>{current.customerName}</Link> · {t('fields.owner')}：{current.ownerName ?? t('common.dash')}
          </>
        }
        actions={
          <Space wrap>
            {open && (
              <Link to={`/deals/${current.id}/edit`}>
                <Button icon={<EditOutlined />}>{t('edit')}</Button>
              </Link>
            )}
            {open && <Button onClick={() => setLosing(true)}>{t('lose.action')}</Button>}
            {open && (
              <Button type="primary" icon={<TrophyOutlined />} onClick={() => setWinning(true)}>
                {t('win.action')}
              </Button>
            )}
            {current.status === DealStatus.Lost && (
              <Button
                icon={<RollbackOutlined />}
                loading={reopen.isPending}
                onClick={() =>
                  reopen.mutate(current, {
                    onSuccess: () => void message.success(t('reopened')),
                    onError: (error) => void message.error(hasStatus(error, 412) ? t('board.changedElsewhere') : problemMessage(error, t)),
                  })
                }
              >
                {t('reopen')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('detail.terms')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('fields.amount')}>{money(current.amount)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.probability')}>
                {current.probability}%{current.probabilityOverride !== undefined && open && <Typography.Text type="secondary"> {t('detail.ownEstimate')}</Typography.Text>}
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.cost')}>{money(current.cost)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.grossMargin')}>{money(current.grossMargin)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.expectedCloseOn')}>{current.expectedCloseOn ?? t('common.dash')}</Descriptions.Item>
              {current.wonOn && <Descriptions.Item label={t('fields.wonOn')}>{current.wonOn}</Descriptions.Item>}
              <Descriptions.Item label={t('fields.nextStep')}>
                {current.nextStep ? `${current.nextStep}${current.nextStepDue ? `（${current.nextStepDue}）` : ''}` : t('common.dash')}
              </Descriptions.Item>
              {current.lostReason && (
                <Descriptions.Item label={t('fields.lostReason')}>
                  {t(`lostReasons.${current.lostReason}`)}
                  {current.lostNote && `：${current.lostNote}`}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card size="small" title={t('detail.lines')}>
            <LinesTable deal={current} />
          </Card>
          {current.status === DealStatus.Won && <InvoicesPanel deal={current} />}
          <ObjectionsPanel deal={current} />
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('detail.history')}>
            <StageHistory dealId={current.id} />
          </Card>
        </Col>
      </Row>
      {winning && <WinDialog deal={current} onClose={() => setWinning(false)} onWon={() => setWinning(false)} />}
      {losing && <LoseDialog deal={current} onClose={() => setLosing(false)} />}
    </div>
  );
}

function LinesTable({ deal }: { deal: DealDto }) {
  const { t, i18n } = useTranslation('deals');
  const money = (amount: number | undefined) => (amount === undefined ? t('common.dash') : formatMoney(amount, i18n.language, deal.currency));
  return (
    <Table<DealLineDto & { position: number }>
      size="small"
      pagination={false}
      rowKey="position"
      dataSource={deal.lines.map((line, position) => ({ ...line, position }))}
      locale={{ emptyText: t('detail.noLines') }}
      columns={[
        { title: t('lines.product'), render: (_, line) => [line.product, line.spec].filter(Boolean).join(' · ') },
        { title: t('lines.quantity'), align: 'right', render: (_, line) => `${line.quantity}${line.unit ?? ''}` },
        { title: t('lines.unitPrice'), align: 'right', render: (_, line) => money(line.unitPrice) },
        { title: t('lines.discount'), align: 'right', render: (_, line) => (line.discountPercent ? `${line.discountPercent}%` : t('common.dash')) },
        { title: t('lines.amount'), align: 'right', render: (_, line) => money(line.amount) },
        { title: t('lines.cost'), align: 'right', render: (_, line) => money(line.cost) },
      ]}
    />
  );
}

function StageHistory({ dealId }: { dealId: string }) {
  const { t, i18n } = useTranslation('deals');
  const history = useStageHistory(dealId);
  const stages = useStages();
  const nameOf = (key: string) => {
    const stage = stages.data?.find((s) => s.key === key);
    return stage ? stageName(stage, i18n.language) : key;
  };
  // A win leaves an open stage for a won one; after it, a won deal moving on (双方成交 → 售后服务) is a move, not a second win.
  const isMove = (from: string, to: string, status: DealStatus) =>
    from !== to && (status === DealStatus.Open || stages.data?.find((s) => s.key === from)?.phase === StagePhase.Won);
  if (history.isPending) {
    return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  }
  if (history.isError) {
    return <Typography.Text type="danger">{problemMessage(history.error, t)}</Typography.Text>;
  }
  return (
    <Timeline
      items={history.data.map((step) => ({
        color: step.status === DealStatus.Won ? 'green' : step.status === DealStatus.Lost ? 'gray' : 'blue',
        children: (
          <>
            <div>
              {!step.fromStage
                ? t('history.created', { stage: nameOf(step.toStage) })
                : isMove(step.fromStage, step.toStage, step.status)
                  ? t('history.moved', { from: nameOf(step.fromStage), to: nameOf(step.toStage) })
                  : t(`history.${step.status}`, { stage: nameOf(step.toStage) })}
            </div>
            <Typography.Text type="secondary">
              {step.changedByName ?? t('common.dash')} · {formatDateTime(step.changedAt, i18n.language)}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}

function LoseDialog({ deal, onClose }: { deal: DealDto; onClose: () => void }) {
  const { t } = useTranslation('deals');
  const [form] = Form.useForm<{ reason: LostReason; note?: string }>();
  const lose = useLoseDeal();
  const message = useMessage();
  return (
    <Modal open title={t('lose.title', { title: deal.title })} okText={t('lose.confirm')} cancelText={t('common.cancel')} confirmLoading={lose.isPending} onCancel={onClose} onOk={() => form.submit()}>
      {lose.isError && <Typography.Paragraph type="danger">{hasStatus(lose.error, 412) ? t('board.changedElsewhere') : problemMessage(lose.error, t)}</Typography.Paragraph>}
      <Form
        form={form}
        layout="vertical"
        onFinish={(loss) =>
          lose.mutate(
            { deal, loss: { reason: loss.reason, note: loss.note?.trim() || undefined } },
            {
              onSuccess: () => {
                void message.success(t('lose.done'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="reason" label={t('fields.lostReason')} rules={[{ required: true, message: t('lose.reasonRequired') }]}>
          <Select options={Object.values(LostReason).map((r) => ({ value: r, label: t(`lostReasons.${r}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('lose.note')}>
          <Input.TextArea rows={3} maxLength={maxLengths.LoseDealInput.note} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
