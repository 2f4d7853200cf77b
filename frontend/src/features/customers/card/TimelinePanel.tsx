import { Alert, Button, Col, Empty, Form, Input, InputNumber, Row, Select, Space, Spin, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { CallOutcome, type InteractionDto, type InteractionInput, InteractionKind } from '../../../api/generated/customers-client';
import { maxLengths } from '../../../api/generated/limits';
import { type ModuleKey, modules } from '../../../app/modules';
import { chinaLocalToIso, formatDateTime } from '../../../shared/format';
import { useMessage } from '../../../shared/ui/feedback';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useAddInteraction, useTimeline } from './cardApi';

const limits = maxLengths.InteractionInput;

/** The module that wrote an entry (its source), named as the navigation names it; an unknown one as it came. */
function isModule(source: string): source is ModuleKey {
  return modules.some((m) => m.key === source);
}

const kindColors: Record<InteractionKind, string> = {
  [InteractionKind.Call]: 'blue',
  [InteractionKind.Email]: 'cyan',
  [InteractionKind.Meeting]: 'purple',
  [InteractionKind.Visit]: 'green',
  [InteractionKind.Message]: 'geekblue',
  [InteractionKind.Gift]: 'magenta',
  [InteractionKind.Note]: 'gray',
  [InteractionKind.Purchase]: 'gold',
  [InteractionKind.Complaint]: 'red',
};

/** What a rep records by hand: a purchase reaches the timeline when a deal is won, a complaint when it is received. */
const recordableKinds = Object.values(InteractionKind).filter((k) => k !== InteractionKind.Purchase && k !== InteractionKind.Complaint);

/** The kinds whose length is selling time (销售中所用的时间), which the activity funnel turns into sales per hour. */
const timedKinds: readonly InteractionKind[] = [InteractionKind.Call, InteractionKind.Meeting, InteractionKind.Visit];

interface EntryFields {
  kind: InteractionKind;
  outcome?: CallOutcome;
  summary: string;
  occurredAt?: string;
  nextStep?: string;
  nextStepDue?: string;
  durationMinutes?: number | null;
}

/** The timeline of the relationship: record a call, a visit, a gift…, and read back what happened, newest first. */
export function TimelinePanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customers');
  const [form] = Form.useForm<EntryFields>();
  const kind = Form.useWatch('kind', form);
  const message = useMessage();
  const timeline = useTimeline(customerId);
  const add = useAddInteraction(customerId);

  const submit = (fields: EntryFields) => {
    const entry: InteractionInput = {
      kind: fields.kind,
      outcome: fields.kind === InteractionKind.Call ? fields.outcome : undefined,
      summary: fields.summary.trim(),
      occurredAt: fields.occurredAt ? chinaLocalToIso(fields.occurredAt) : undefined,
      nextStep: fields.nextStep?.trim() || undefined,
      nextStepDue: fields.nextStepDue || undefined,
      durationMinutes: timedKinds.includes(fields.kind) ? (fields.durationMinutes ?? undefined) : undefined,
    };
    add.mutate(entry, {
      onSuccess: () => {
        form.resetFields();
        void message.success(t('card.entryAdded'));
      },
    });
  };

  return (
    <>
      <Form<EntryFields> form={form} layout="vertical" initialValues={{ kind: InteractionKind.Call }} onFinish={submit} className="timeline-entry">
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="kind" label={t('card.entryKind')}>
              <Select options={recordableKinds.map((k) => ({ value: k, label: t(`interactionKinds.${k}`) }))} />
            </Form.Item>
          </Col>
          {kind === InteractionKind.Call && (
            <Col xs={12} md={6}>
              <Form.Item name="outcome" label={t('card.entryOutcome')} rules={[{ required: true, message: t('card.entryOutcomeRequired') }]}>
                <Select options={Object.values(CallOutcome).map((o) => ({ value: o, label: t(`callOutcomes.${o}`) }))} />
              </Form.Item>
            </Col>
          )}
          {timedKinds.includes(kind) && (
            <Col xs={12} md={6}>
              <Form.Item name="durationMinutes" label={t('card.entryDuration')}>
                <InputNumber min={1} max={1440} precision={0} addonAfter={t('card.minutes')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={timedKinds.includes(kind) ? 6 : 12}>
            <Form.Item name="occurredAt" label={t('card.entryOccurredAt')}>
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="summary" label={t('card.entrySummary')} rules={[{ required: true, whitespace: true, message: t('card.entrySummaryRequired') }]}>
              <Input.TextArea rows={2} maxLength={limits.summary} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="nextStep" label={t('card.entryNextStep')}>
              <Input maxLength={limits.nextStep} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="nextStepDue" label={t('card.entryNextStepDue')}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        {add.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problemMessage(add.error, t)} />}
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('card.addEntry')}
        </Button>
      </Form>

      <div className="timeline-list">
        {timeline.isPending ? (
          <Spin />
        ) : timeline.isError ? (
          <Alert type="error" showIcon message={problemMessage(timeline.error, t)} />
        ) : timeline.data.length === 0 ? (
          <Empty description={t('card.timelineEmpty')} />
        ) : (
          <>
            <Timeline items={timeline.data.map((entry) => ({ key: entry.id, color: kindColors[entry.kind], children: <TimelineEntry entry={entry} /> }))} />
            {timeline.hasNextPage && (
              <Button onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
                {t('card.loadMore')}
              </Button>
            )}
          </>
        )}
      </div>
    </>
  );
}

function TimelineEntry({ entry }: { entry: InteractionDto }) {
  const { t, i18n } = useTranslation('customers');
  return (
    <div className="timeline-entry__item">
      <Space size={4} wrap>
        <Tag color={kindColors[entry.kind]} bordered={false}>
          {t(`interactionKinds.${entry.kind}`)}
        </Tag>
        {entry.outcome && <Tag bordered={false}>{t(`callOutcomes.${entry.outcome}`)}</Tag>}
        {entry.durationMinutes && <span className="muted">{t('card.durationLine', { minutes: String(entry.durationMinutes) })}</span>}
        <span className="muted">{formatDateTime(entry.occurredAt, i18n.language)}</span>
        {entry.recordedByName && <span className="muted">{t('card.recordedBy', { name: entry.recordedByName })}</span>}
        {entry.source !== 'customers' && (
          <span className="muted">{t('card.fromModule', { module: isModule(entry.source) ? t(`nav.${entry.source}`, { ns: 'translation' }) : entry.source })}</span>
        )}
      </Space>
      <div className="timeline-entry__summary">{entry.summary}</div>
      {entry.nextStep && (
        <div className="muted">
          {t('card.nextStepLine', { step: entry.nextStep })}
          {entry.nextStepDue && t('card.nextStepDueLine', { date: entry.nextStepDue })}
        </div>
      )}
    </div>
  );
}
