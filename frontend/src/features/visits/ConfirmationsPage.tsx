import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type AppointmentDto, type ConfirmationLossDto, ConfirmationStatus } from '../../api/generated/visits-client';
import { maxLengths } from '../../api/generated/limits';
import { hasStatus } from '../../api/problems';
import { formatMoney, todayInChina } from '../../shared/format';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError } from '../../shared/ui/PageStates';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useAppointments, useConfirmationLosses, useRecordConfirmation } from './api';
import { addDays, slot } from './labels';
import { VisitsNav } from './VisitsNav';

const statusColor: Record<ConfirmationStatus, string> = {
  [ConfirmationStatus.Confirmed]: 'success',
  [ConfirmationStatus.Rescheduled]: 'processing',
  [ConfirmationStatus.Cancelled]: 'warning',
  [ConfirmationStatus.NoShow]: 'error',
};

/** 约访: tomorrow's planned visits, each confirmed with the customer or recorded as moved, cancelled or missed; and what that cost. */
export default function ConfirmationsPage() {
  const { t, i18n } = useTranslation('visits');
  const today = todayInChina();
  const [params, setParams] = useSearchParams();
  const day = params.get('day') ?? addDays(today, 1);
  const setDay = (value: string) => setParams({ day: value }, { replace: true });
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [recording, setRecording] = useState<AppointmentDto>();
  const appointments = useAppointments(day);
  const losses = useConfirmationLosses(from, to);
  const money = (amount: number) => formatMoney(amount, i18n.language);

  return (
    <div className="page visits-confirmations">
      <PageHeader
        title={t('confirmations.title')}
        subtitle={t('confirmations.subtitle')}
        actions={<Input type="date" aria-label={t('common.day')} value={day} onChange={(e) => e.target.value && setDay(e.target.value)} style={{ width: 160 }} />}
      />
      <VisitsNav />
      {appointments.isError ? (
        <PageError error={appointments.error} onRetry={() => void appointments.refetch()} />
      ) : (
        <Table<AppointmentDto>
          style={{ marginTop: 16 }}
          rowKey={(a) => `${a.planId}:${a.customerId}`}
          size="small"
          loading={appointments.isLoading}
          dataSource={appointments.data}
          pagination={false}
          locale={{ emptyText: t('confirmations.none') }}
          columns={[
            { title: t('common.rep'), render: (_, a) => a.repName },
            { title: t('plan.slot'), render: (_, a) => slot(a.from, a.to) || t('common.dash') },
            { title: t('common.customer'), dataIndex: 'customerName' },
            { title: t('plan.purpose'), render: (_, a) => t(`purposes.${a.purpose}`) },
            {
              title: t('confirmations.status'),
              render: (_, a) =>
                a.confirmation ? (
                  <Space wrap size={4}>
                    <Tag color={statusColor[a.confirmation.status]}>{t(`confirmationStatuses.${a.confirmation.status}`)}</Tag>
                    {a.confirmation.rescheduledTo && `→ ${a.confirmation.rescheduledTo}`}
                    {a.confirmation.reason}
                  </Space>
                ) : (
                  <Tag>{t('confirmationStatuses.pending')}</Tag>
                ),
            },
            {
              title: '',
              render: (_, a) => (
                <Button size="small" onClick={() => setRecording(a)}>
                  {a.confirmation ? t('confirmations.change') : t('confirmations.record')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={t('confirmations.losses')}
        extra={
          <Space>
            <Input type="date" aria-label={t('confirmations.from')} value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} style={{ width: 150 }} />
            <Input type="date" aria-label={t('confirmations.to')} value={to} min={from} onChange={(e) => e.target.value && setTo(e.target.value)} style={{ width: 150 }} />
          </Space>
        }
      >
        {losses.isError ? (
          <PageError error={losses.error} onRetry={() => void losses.refetch()} />
        ) : (
          <Table<ConfirmationLossDto>
            rowKey="repId"
            size="small"
            loading={losses.isLoading}
            dataSource={losses.data}
            pagination={false}
            locale={{ emptyText: t('confirmations.noLosses') }}
            columns={[
              { title: t('common.rep'), render: (_, l) => l.repName },
              { title: t('confirmations.planned'), dataIndex: 'planned' },
              { title: t('confirmationStatuses.confirmed'), dataIndex: 'confirmed' },
              { title: t('confirmationStatuses.rescheduled'), dataIndex: 'rescheduled' },
              { title: t('confirmations.cancelled'), dataIndex: 'cancelled' },
              { title: t('confirmations.noShows'), dataIndex: 'noShows' },
              { title: t('confirmations.lost'), render: (_, l) => t('common.minutes', { minutes: l.lostMinutes }) },
              { title: t('confirmations.lostMoney'), render: (_, l) => money(l.lostCost) },
            ]}
          />
        )}
      </Card>
      {recording && <ConfirmationDialog appointment={recording} onClose={() => setRecording(undefined)} />}
    </div>
  );
}

interface ConfirmationFields {
  status: ConfirmationStatus;
  reason?: string;
  rescheduledTo?: string;
  lostMinutes?: number;
  lostCost?: number;
}

function ConfirmationDialog({ appointment, onClose }: { appointment: AppointmentDto; onClose: () => void }) {
  const { t } = useTranslation('visits');
  const [form] = Form.useForm<ConfirmationFields>();
  const status = Form.useWatch('status', form) ?? appointment.confirmation?.status ?? ConfirmationStatus.Confirmed;
  const record = useRecordConfirmation();
  const message = useMessage();
  const losing = status === ConfirmationStatus.Cancelled || status === ConfirmationStatus.NoShow;
  const finish = (values: ConfirmationFields) =>
    record.mutate(
      {
        existing: appointment.confirmation ?? undefined,
        input: {
          planId: appointment.planId,
          customerId: appointment.customerId,
          status: values.status,
          reason: values.reason || undefined,
          rescheduledTo: values.status === ConfirmationStatus.Rescheduled ? values.rescheduledTo : undefined,
          lostMinutes: losing ? (values.lostMinutes ?? undefined) : undefined,
          lostCost: losing ? (values.lostCost ?? undefined) : undefined,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('confirmations.recorded'));
          onClose();
        },
        onError: (error) => void message.error(hasStatus(error, 412) ? t('common.changedElsewhere') : problemMessage(error, t)),
      },
    );
  const existing = appointment.confirmation;
  return (
    <Modal open title={t('confirmations.dialogTitle', { customer: appointment.customerName })} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={record.isPending} onCancel={onClose} onOk={() => form.submit()}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ status: existing?.status ?? ConfirmationStatus.Confirmed, reason: existing?.reason, rescheduledTo: existing?.rescheduledTo, lostMinutes: existing?.lostMinutes || undefined, lostCost: existing?.lostCost || undefined }}
        onFinish={finish}
      >
        <Form.Item name="status" label={t('confirmations.status')}>
          <Select options={Object.values(ConfirmationStatus).map((s) => ({ value: s, label: t(`confirmationStatuses.${s}`) }))} />
        </Form.Item>
        {status !== ConfirmationStatus.Confirmed && (
          <Form.Item name="reason" label={t('confirmations.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={maxLengths.ConfirmationInput.reason} />
          </Form.Item>
        )}
        {status === ConfirmationStatus.Rescheduled && (
          <Form.Item name="rescheduledTo" label={t('confirmations.rescheduledTo')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        )}
        {losing && (
          <Space wrap>
            <Form.Item name="lostMinutes" label={t('confirmations.lostMinutes')}>
              <InputNumber<number> min={0} max={1440} precision={0} />
            </Form.Item>
            <Form.Item name="lostCost" label={t('confirmations.lostCost')}>
              <InputNumber<number> min={0} max={999_999.99} precision={2} />
            </Form.Item>
          </Space>
        )}
      </Form>
    </Modal>
  );
}
