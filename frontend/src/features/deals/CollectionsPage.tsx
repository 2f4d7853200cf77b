import { Card, Empty, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AgeingGroup, type AgeingRowDto, type InvoiceDto, InvoiceState } from '../../api/generated/deals-client';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError } from '../../shared/ui/PageStates';
import { useAgeing, useInvoices } from './api';
import { InvoiceDue } from './InvoiceDue';
import { formatMoney } from '../../shared/format';
import { PaymentDialog } from './PaymentDialog';

/** The ageing buckets, oldest last, each with the colour its bar segment takes. */
const buckets = [
  { key: 'notDue', color: '#52c41a' },
  { key: 'days0To30', color: '#fadb14' },
  { key: 'days31To60', color: '#fa8c16' },
  { key: 'days61To90', color: '#f5222d' },
  { key: 'over90', color: '#820014' },
] as const satisfies readonly { key: keyof AgeingRowDto; color: string }[];

/** 货款回收: what customers owe, how long past due (账龄), per rep, team or customer; and the invoices to chase, with the payments that come in. */
export default function CollectionsPage() {
  const { t } = useTranslation('deals');
  const [groupBy, setGroupBy] = useState<AgeingGroup>(AgeingGroup.Rep);
  const [state, setState] = useState<InvoiceState>(InvoiceState.Outstanding);
  return (
    <div className="page collections-page">
      <PageHeader title={t('collections.title')} subtitle={t('collections.subtitle')} />
      <Card
        size="small"
        title={t('collections.ageingTitle')}
        style={{ marginBottom: 16 }}
        extra={
          <Segmented<AgeingGroup>
            value={groupBy}
            onChange={setGroupBy}
            options={Object.values(AgeingGroup).map((g) => ({ value: g, label: t(`collections.groups.${g}`) }))}
          />
        }
      >
        <AgeingTable groupBy={groupBy} />
      </Card>
      <Card
        size="small"
        title={t('collections.invoicesTitle')}
        extra={
          <Segmented<InvoiceState>
            value={state}
            onChange={setState}
            options={Object.values(InvoiceState).map((s) => ({ value: s, label: t(`collections.states.${s}`) }))}
          />
        }
      >
        <InvoiceList state={state} />
      </Card>
    </div>
  );
}

function AgeingTable({ groupBy }: { groupBy: AgeingGroup }) {
  const { t, i18n } = useTranslation('deals');
  const ageing = useAgeing(groupBy);
  const money = (amount: number) => formatMoney(amount, i18n.language);
  if (ageing.isError) {
    return <PageError error={ageing.error} onRetry={() => void ageing.refetch()} />;
  }
  const total = ageing.data?.total;
  return (
    <>
      {total && total.outstanding > 0 && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t('collections.totalOutstanding', { amount: money(total.outstanding) })}</Typography.Text>
          <Typography.Text type="danger">{t('collections.totalOverdue', { amount: money(total.overdue) })}</Typography.Text>
          {buckets.map((b) => (
            <Tag key={b.key} color={b.color} bordered={false}>
              {t(`collections.buckets.${b.key}`)} {money(total[b.key])}
            </Tag>
          ))}
        </Space>
      )}
      <Table<AgeingRowDto>
        size="small"
        rowKey={(row) => row.id ?? 'none'}
        loading={ageing.isFetching}
        pagination={false}
        dataSource={ageing.data?.rows}
        locale={{ emptyText: <Empty description={t('collections.nothingOwed')} /> }}
        columns={[
          { title: t(`collections.groups.${groupBy}`), render: (_, row) => row.name ?? (groupBy === AgeingGroup.Team ? t('collections.noTeam') : t('common.dash')) },
          { title: t('collections.outstanding'), align: 'right', render: (_, row) => money(row.outstanding) },
          ...buckets.map((b) => ({ title: t(`collections.buckets.${b.key}`), align: 'right' as const, render: (_: unknown, row: AgeingRowDto) => (row[b.key] ? money(row[b.key]) : t('common.dash')) })),
          { title: t('collections.shape'), width: 220, render: (_, row) => <AgeingBar row={row} /> },
        ]}
      />
    </>
  );
}

/** The row's outstanding amount as one bar, split by age: where the money sits is seen before it is read. */
function AgeingBar({ row }: { row: AgeingRowDto }) {
  const { t, i18n } = useTranslation('deals');
  return (
    <div className="ageing-bar" role="img" aria-label={buckets.map((b) => `${t(`collections.buckets.${b.key}`)} ${formatMoney(row[b.key], i18n.language)}`).join('，')}>
      {buckets
        .filter((b) => row[b.key] > 0)
        .map((b) => (
          <Tooltip key={b.key} title={`${t(`collections.buckets.${b.key}`)} ${formatMoney(row[b.key], i18n.language)}`}>
            <span style={{ flexGrow: row[b.key], background: b.color }} />
          </Tooltip>
        ))}
    </div>
  );
}

function InvoiceList({ state }: { state: InvoiceState }) {
  const { t, i18n } = useTranslation('deals');
  const invoices = useInvoices(state);
  const [paying, setPaying] = useState<InvoiceDto>();
  const money = (amount: number) => formatMoney(amount, i18n.language);
  if (invoices.isError) {
    return <PageError error={invoices.error} onRetry={() => void invoices.refetch()} />;
  }
  return (
    <>
      <Table<InvoiceDto>
        size="small"
        rowKey="id"
        loading={invoices.isFetching}
        pagination={false}
        dataSource={invoices.data?.items}
        locale={{ emptyText: t('collections.noInvoices') }}
        columns={[
          { title: t('fields.customer'), render: (_, i) => <Link to={`/customers/${i.customerId}`}>{i.customerName}</Link> },
          { title: t('fields.title'), render: (_, i) => <Link to={`/deals/${i.dealId}`}>{i.dealTitle}</Link> },
          { title: t('fields.owner'), render: (_, i) => i.ownerName ?? t('common.dash') },
          { title: t('collections.amount'), align: 'right', render: (_, i) => money(i.amount) },
          { title: t('collections.outstanding'), align: 'right', render: (_, i) => money(i.outstanding) },
          {
            title: t('collections.dueOn'),
            render: (_, i) => <InvoiceDue invoice={i} />,
          },
          {
            title: t('products.actions'),
            render: (_, i) =>
              i.outstanding > 0 && (
                <Typography.Link onClick={() => setPaying(i)}>{t('collections.record')}</Typography.Link>
              ),
          },
        ]}
      />
      {paying && <PaymentDialog invoice={paying} onClose={() => setPaying(undefined)} />}
    </>
  );
}
