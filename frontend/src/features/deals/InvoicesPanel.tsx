import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealDto, InvoiceDto } from '../../api/generated/deals-client';
import { maxLengths } from '../../api/generated/limits';
import { formatMoney, todayInChina, toFen } from '../../shared/format';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useDealInvoices, useIssueInvoice } from './api';
import { InvoiceDue } from './InvoiceDue';
import { PaymentDialog } from './PaymentDialog';

/** 货款回收 on a won deal: its invoices, what is paid and outstanding, and recording what comes in. */
export function InvoicesPanel({ deal }: { deal: DealDto }) {
  const { t, i18n } = useTranslation('deals');
  const invoices = useDealInvoices(deal.id);
  const [issuing, setIssuing] = useState(false);
  const [paying, setPaying] = useState<InvoiceDto>();
  const money = (amount: number) => formatMoney(amount, i18n.language);
  const invoiced = toFen(invoices.data?.reduce((sum, i) => sum + i.amount, 0) ?? 0);

  return (
    <Card
      size="small"
      title={t('collections.dealTitle')}
      style={{ marginTop: 16 }}
      extra={
        invoiced < deal.amount && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
            {t('collections.issue')}
          </Button>
        )
      }
    >
      {invoices.isError ? (
        <Alert type="error" showIcon message={problemMessage(invoices.error, t)} />
      ) : (
        <Table<InvoiceDto>
          size="small"
          rowKey="id"
          loading={invoices.isPending}
          pagination={false}
          dataSource={invoices.data}
          locale={{ emptyText: t('collections.noInvoices') }}
          columns={[
            { title: t('collections.number'), render: (_, i) => i.number ?? t('common.dash') },
            { title: t('collections.amount'), align: 'right', render: (_, i) => money(i.amount) },
            { title: t('collections.paid'), align: 'right', render: (_, i) => money(i.paid) },
            { title: t('collections.outstanding'), align: 'right', render: (_, i) => money(i.outstanding) },
            { title: t('collections.dueOn'), render: (_, i) => <InvoiceDue invoice={i} /> },
            {
              title: t('products.actions'),
              render: (_, i) =>
                i.outstanding > 0 && (
                  <Button size="small" type="link" onClick={() => setPaying(i)}>
                    {t('collections.record')}
                  </Button>
                ),
            },
          ]}
          expandable={{
            rowExpandable: (i) => i.payments.length > 0,
            expandedRowRender: (i) => (
              <Typography.Text type="secondary">
                {i.payments.map((p) => `${p.receivedOn} ${money(p.amount)}${p.method ? `（${p.method}）` : ''}`).join('；')}
              </Typography.Text>
            ),
          }}
        />
      )}
      {issuing && <IssueDialog deal={deal} left={toFen(deal.amount - invoiced)} onClose={() => setIssuing(false)} />}
      {paying && <PaymentDialog invoice={paying} onClose={() => setPaying(undefined)} />}
    </Card>
  );
}

interface InvoiceFields {
  number?: string;
  amount: number;
  issuedOn: string;
  dueOn: string;
}

function IssueDialog({ deal, left, onClose }: { deal: DealDto; left: number; onClose: () => void }) {
  const { t } = useTranslation('deals');
  const [form] = Form.useForm<InvoiceFields>();
  const issue = useIssueInvoice(deal.id);
  const message = useMessage();
  const today = todayInChina();
  return (
    <Modal open title={t('collections.issueTitle', { deal: deal.title })} okText={t('collections.issue')} cancelText={t('common.cancel')} confirmLoading={issue.isPending} onCancel={onClose} onOk={() => form.submit()}>
      {issue.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problemMessage(issue.error, t)} />}
      <Form<InvoiceFields>
        form={form}
        layout="vertical"
        initialValues={{ amount: left, issuedOn: today }}
        onFinish={(fields) =>
          issue.mutate(
            { number: fields.number?.trim() || undefined, amount: fields.amount, issuedOn: fields.issuedOn, dueOn: fields.dueOn },
            {
              onSuccess: () => {
                void message.success(t('collections.issued'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="number" label={t('collections.number')}>
          <Input maxLength={maxLengths.InvoiceInput.number} />
        </Form.Item>
        <Form.Item name="amount" label={t('collections.amount')} rules={[{ required: true, message: t('collections.amountRequired') }]}>
          <InputNumber min={0.01} max={left} precision={2} prefix="¥" style={{ width: 200 }} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="issuedOn" label={t('collections.issuedOn')} rules={[{ required: true, message: t('collections.dateRequired') }]}>
            <Input type="date" max={today} />
          </Form.Item>
          <Form.Item name="dueOn" label={t('collections.dueOn')} rules={[{ required: true, message: t('collections.dateRequired') }]}>
            <Input type="date" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
