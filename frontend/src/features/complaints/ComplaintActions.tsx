import { Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComplaintChannel, type ComplaintDto, ComplaintSeverity, ComplaintStatus, ResolutionKind } from '../../api/generated/complaints-client';
import { maxLengths } from '../../api/generated/limits';
import { hasStatus } from '../../api/problems';
import { chinaLocalToIso, formatDateTime, todayInChina } from '../../shared/format';
import { ColleagueSelect } from '../../shared/ui/ColleagueSelect';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { AnswerPicker } from './AnswerPicker';
import { type ComplaintStep, useCauses, useComplaintStep, useReloadComplaint } from './api';
import { showProblem } from './formProblems';
import { causeLabel, isOpen } from './labels';

/** The steps that ask for something in a dialog; the others are taken with one click. */
type DialogStep = 'acknowledge' | 'propose' | 'close' | 'reopen' | 'assign' | 'cause' | 'prevention' | 'update';

interface Action {
  key: DialogStep | 'investigate' | 'resolve' | 'preventionDone' | 'answer';
  primary?: boolean;
}

/** What can be done next, by where the complaint stands (the server decides; this offers only what it would accept). */
function actionsFor(c: ComplaintDto): Action[] {
  const open = isOpen(c.status);
  const working = c.status === ComplaintStatus.Investigating || c.status === ComplaintStatus.ResolutionProposed;
  const candidates: (Action | false)[] = [
    open && !c.acknowledgedAt && { key: 'acknowledge', primary: true },
    c.status === ComplaintStatus.Received && { key: 'investigate', primary: !!c.acknowledgedAt },
    working && { key: 'propose', primary: c.status === ComplaintStatus.Investigating },
    c.status === ComplaintStatus.ResolutionProposed && { key: 'resolve', primary: true },
    c.status === ComplaintStatus.Resolved && { key: 'close', primary: true },
    !open && { key: 'reopen' },
    c.status !== ComplaintStatus.Closed && { key: 'update' },
    c.status !== ComplaintStatus.Closed && { key: 'answer' },
    c.status !== ComplaintStatus.Closed && { key: 'assign' },
    { key: 'cause' },
    !!c.causeKey && { key: 'prevention' },
    !!c.preventionAction && !c.preventionDoneAt && { key: 'preventionDone' },
  ];
  return candidates.filter((action): action is Action => action !== false);
}

/** The next steps of a complaint as buttons; a step that needs words or a time opens its dialog. */
export function ComplaintActions({ complaint }: { complaint: ComplaintDto }) {
  const { t } = useTranslation('complaints');
  const [dialog, setDialog] = useState<DialogStep | 'answer'>();
  const step = useComplaintStep(complaint);
  const reload = useReloadComplaint(complaint.id);
  const message = useMessage();

  const take = (next: ComplaintStep, onProblem?: (error: unknown) => void) =>
    step.mutateAsync(next).then(
      () => {
        void message.success(t('detail.changed'));
        setDialog(undefined);
      },
      (error: unknown) => {
        if (hasStatus(error, 412)) {
          void message.warning(t('detail.stale'));
          void reload();
          setDialog(undefined);
        } else if (onProblem) {
          onProblem(error);
        } else {
          void message.error(problemMessage(error, t));
        }
      },
    );

  return (
    <>
      <Space wrap>
        {actionsFor(complaint).map((action) => (
          <Button
            key={action.key}
            type={action.primary ? 'primary' : 'default'}
            loading={step.isPending && dialog === undefined}
            onClick={() => {
              if (action.key === 'investigate' || action.key === 'resolve' || action.key === 'preventionDone') {
                void take({ step: action.key });
              } else {
                setDialog(action.key);
              }
            }}
          >
            {t(`actions.${action.key}`)}
          </Button>
        ))}
      </Space>
      {dialog === 'answer' ? (
        <AnswerPicker complaint={complaint} choosing={step.isPending} onChoose={(answerId) => void take({ step: 'answer', answerId })} onClose={() => setDialog(undefined)} />
      ) : (
        dialog && <StepDialog complaint={complaint} step={dialog} saving={step.isPending} onTake={take} onClose={() => setDialog(undefined)} />
      )}
    </>
  );
}

interface StepDialogProps {
  complaint: ComplaintDto;
  step: DialogStep;
  saving: boolean;
  onTake: (step: ComplaintStep, onProblem: (error: unknown) => void) => Promise<void>;
  onClose: () => void;
}

/** The form fields each step asks for, by the names the API's problems use. */
const stepFields: Record<DialogStep, readonly string[]> = {
  acknowledge: ['via', 'promisedAt'],
  propose: ['kind', 'description', 'cost'],
  close: ['note'],
  reopen: ['reason', 'promisedAt'],
  assign: ['ownerId'],
  cause: ['causeKey', 'note'],
  prevention: ['action', 'ownerId', 'dueOn'],
  update: ['channel', 'note'],
};

type StepValues = Record<string, string | number | undefined>;

function StepDialog({ complaint, step, saving, onTake, onClose }: StepDialogProps) {
  const { t, i18n } = useTranslation('complaints');
  const [form] = Form.useForm<StepValues>();
  const message = useMessage();
  const causes = useCauses();
  const text = (name: string | number | undefined) => (typeof name === 'string' ? name : '');
  const optional = (value: string | number | undefined) => (typeof value === 'string' && value.trim() ? value : undefined);
  const when = (value: string | number | undefined) => (typeof value === 'string' && value ? chinaLocalToIso(value) : undefined);
  const giftAllowed = complaint.keyCustomer && complaint.severity !== ComplaintSeverity.Minor;

  const submit = (v: StepValues) => {
    const next: ComplaintStep = (() => {
      switch (step) {
        case 'acknowledge':
          return { step, input: { via: v.via as ComplaintChannel, promisedAt: when(v.promisedAt) } };
        case 'propose':
          return { step, input: { kind: v.kind as ResolutionKind, description: text(v.description), cost: typeof v.cost === 'number' ? v.cost : undefined } };
        case 'close':
          return { step, input: { note: optional(v.note) } };
        case 'reopen':
          return { step, input: { reason: text(v.reason), promisedAt: when(v.promisedAt) } };
        case 'assign':
          return { step, input: { ownerId: text(v.ownerId) } };
        case 'cause':
          return { step, input: { causeKey: text(v.causeKey), note: optional(v.note) } };
        case 'prevention':
          return { step, input: { action: text(v.action), ownerId: text(v.ownerId), dueOn: text(v.dueOn) } };
        case 'update':
          return { step, input: { channel: v.channel as ComplaintChannel, note: text(v.note) } };
      }
    })();
    void onTake(next, (error) => showProblem(form, error, stepFields[step], message, t));
  };

  const channelOptions = Object.values(ComplaintChannel)
    .filter((c) => c !== ComplaintChannel.MarketReport)
    .map((c) => ({ value: c, label: t(`channels.${c}`) }));
  const required = [{ required: true, whitespace: true }];
  const fieldsOf: Record<DialogStep, ReactNode> = {
    acknowledge: (
      <>
        <Form.Item name="via" label={t('actions.via')} rules={[{ required: true }]}>
          <Select aria-label={t('actions.via')} options={channelOptions} />
        </Form.Item>
        <Form.Item name="promisedAt" label={t('actions.promisedAt')} extra={t('actions.promisedAtHelp', { time: formatDateTime(complaint.promisedAt, i18n.language) })}>
          <Input type="datetime-local" aria-label={t('actions.promisedAt')} />
        </Form.Item>
      </>
    ),
    propose: (
      <>
        <Form.Item name="kind" label={t('actions.kind')} rules={[{ required: true }]} extra={giftAllowed ? undefined : t('actions.giftHint')}>
          <Select
            aria-label={t('actions.kind')}
            options={Object.values(ResolutionKind).map((k) => ({ value: k, label: t(`resolutionKinds.${k}`), disabled: k === ResolutionKind.GoodwillGift && !giftAllowed }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('actions.description')} rules={required}>
          <Input.TextArea rows={3} maxLength={maxLengths.ResolutionInput.description} />
        </Form.Item>
        <Form.Item name="cost" label={t('actions.cost')}>
          <InputNumber min={0} max={999_999_999.99} precision={2} style={{ width: '100%' }} aria-label={t('actions.cost')} />
        </Form.Item>
      </>
    ),
    close: (
      <Form.Item name="note" label={t('actions.closeNote')}>
        <Input.TextArea rows={2} maxLength={maxLengths.CloseInput.note} />
      </Form.Item>
    ),
    reopen: (
      <>
        <Form.Item name="reason" label={t('actions.reason')} rules={required}>
          <Input.TextArea rows={2} maxLength={maxLengths.ReopenInput.reason} />
        </Form.Item>
        <Form.Item name="promisedAt" label={t('actions.newPromise')} extra={t('actions.newPromiseHelp')}>
          <Input type="datetime-local" aria-label={t('actions.newPromise')} />
        </Form.Item>
      </>
    ),
    assign: (
      <Form.Item name="ownerId" label={t('actions.newOwner')} rules={[{ required: true }]}>
        <ColleagueSelect withTeam aria-label={t('actions.newOwner')} />
      </Form.Item>
    ),
    cause: (
      <>
        <Form.Item name="causeKey" label={t('detail.cause')} rules={[{ required: true }]}>
          <Select
            aria-label={t('detail.cause')}
            loading={causes.isLoading}
            options={(causes.data ?? []).filter((c) => c.active).map((c) => ({ value: c.key, label: causeLabel(c, i18n.language) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('actions.causeNote')}>
          <Input.TextArea rows={2} maxLength={maxLengths.CauseInput.note} />
        </Form.Item>
      </>
    ),
    prevention: (
      <>
        <Form.Item name="action" label={t('actions.preventionAction')} rules={required}>
          <Input.TextArea rows={2} maxLength={maxLengths.PreventionInput.action} />
        </Form.Item>
        <Form.Item name="ownerId" label={t('actions.preventionOwner')} rules={[{ required: true }]}>
          <ColleagueSelect withTeam valueLabel={complaint.preventionOwnerName} aria-label={t('actions.preventionOwner')} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('actions.preventionDue')} rules={[{ required: true }]}>
          <Input type="date" min={todayInChina()} aria-label={t('actions.preventionDue')} />
        </Form.Item>
      </>
    ),
    update: (
      <>
        <Form.Item name="channel" label={t('actions.via')} rules={[{ required: true }]}>
          <Select aria-label={t('actions.via')} options={channelOptions} />
        </Form.Item>
        <Form.Item name="note" label={t('actions.updateNote')} rules={required}>
          <Input.TextArea rows={3} maxLength={maxLengths.CustomerUpdateInput.note} />
        </Form.Item>
      </>
    ),
  };
  const initialValues: StepValues = {
    via: ComplaintChannel.Phone,
    channel: ComplaintChannel.Phone,
    causeKey: complaint.causeKey,
    action: complaint.preventionAction,
    ownerId: step === 'prevention' ? complaint.preventionOwnerId : undefined,
    dueOn: complaint.preventionDueOn,
  };

  return (
    <Modal
      open
      title={t(`actions.${step}`)}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<StepValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        {fieldsOf[step]}
      </Form>
    </Modal>
  );
}
