import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvoiceDto } from '../../api/generated/deals-client';
import { maxLengths } from '../../api/generated/limits';
import { formatMoney, todayInChina } from '../../shared/format';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useRecordPayment } from './api';

interface PaymentFields {
  amount: number;
  receivedOn: string;
  method?: string;
  note?: string;
}

/** 回款: money received against an invoice, all that is outstanding by default, or part of it. */
export function PaymentDialog({ invoice, onClose }: { invoice: InvoiceDto; onClose: () => void }) {
  const { t, i18n } = useTranslation('deals');
  const [form] = Form.useForm<PaymentFields>();
  const record = useRecordPayment();
  const message = useMessage();
  const today = todayInChina();
  const limits = maxLengths.PaymentInput;
  return (
    <Modal open title={t('collections.paymentTitle', { deal: invoice.dealTitle })} okText={t('collections.record')} cancelText={t('common.cancel')} confirmLoading={record.isPending} onCancel={onClose} onOk={() => form.submit()}>
      <p>{t('collections.outstandingNow', { amount: formatMoney(invoice.outstanding, i18n.language) })}</p>
      {record.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problemMessage(record.error, t)} />}
      <Form<PaymentFields>
        form={form}
        layout="vertical"
        initialValues={{ amount: invoice.outstanding, receivedOn: today }}
        onFinish={(fields) =>
          record.mutate(
            { invoiceId: invoice.id, payment: { amount: fields.amount, receivedOn: fields.receivedOn, method: fields.method?.trim() || undefined, note: fields.note?.trim() || undefined } },
            {
              onSuccess: () => {
                void message.success(t('collections.recorded'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="amount" label={t('collections.amount')} rules={[{ required: true, message: t('collections.amountRequired') }]}>
          <InputNumber min={0.01} max={invoice.outstanding} precision={2} prefix="¥" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('collections.receivedOn')} rules={[{ required: true, message: t('collections.dateRequired') }]}>
          <Input type="date" max={today} />
        </Form.Item>
        <Form.Item name="method" label={t('collections.method')}>
          <Input maxLength={limits.method} placeholder={t('collections.methodHint')} />
        </Form.Item>
        <Form.Item name="note" label={t('collections.note')}>
          <Input.TextArea rows={2} maxLength={limits.note} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
