import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Segmented, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type MarketReportDto, type MarketReportInput, MarketReportKind, MarketReportStatus, MarketSeverity } from '../../api/generated/visits-client';
import { maxLengths } from '../../api/generated/limits';
import { formatDateTime, todayInChina } from '../../shared/format';
import { CustomerSelect } from '../../shared/ui/CustomerSelect';
import { NotFound } from '../../shared/ui/NotFound';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError, PageLoading } from '../../shared/ui/PageStates';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { hasStatus } from '../../api/problems';
import { useMarketReport, useMarketReports, useReportMarket } from './api';
import { severityColor } from './labels';
import { VisitsNav } from './VisitsNav';

/** 市场状况反映表: what reps saw in the market, newest first; a serious report reaches the manager and the director at once. */
export default function MarketReportsPage() {
  const { t } = useTranslation('visits');
  const [status, setStatus] = useState<MarketReportStatus | 'all'>('all');
  const [creating, setCreating] = useState(false);
  const reports = useMarketReports({ status: status === 'all' ? undefined : status });
  return (
    <div className="page visits-market">
      <PageHeader
        title={t('market.title')}
        subtitle={t('market.subtitle')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('market.create')}
          </Button>
        }
      />
      <VisitsNav />
      <Segmented<MarketReportStatus | 'all'>
        style={{ margin: '16px 0' }}
        value={status}
        onChange={setStatus}
        options={[
          { value: 'all', label: t('market.all') },
          { value: MarketReportStatus.Open, label: t('market.statuses.open') },
          { value: MarketReportStatus.Acknowledged, label: t('market.statuses.acknowledged') },
        ]}
      />
      {reports.isError ? (
        <PageError error={reports.error} onRetry={() => void reports.refetch()} />
      ) : (
        <Table<MarketReportDto>
          rowKey="id"
          size="small"
          loading={reports.isLoading}
          dataSource={reports.data}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('market.none') }}
          columns={[
            { title: t('market.observedOn'), dataIndex: 'observedOn', width: 110 },
            { title: t('market.kind'), render: (_, r) => <Link to={`/visits/market-reports/${r.id}`}>{t(`marketKinds.${r.kind}`)}</Link> },
            { title: t('market.severity'), render: (_, r) => <Tag color={severityColor[r.severity]}>{t(`severities.${r.severity}`)}</Tag> },
            { title: t('common.rep'), render: (_, r) => r.repName },
            { title: t('market.description'), render: (_, r) => [r.customerName, r.competitor, r.description].filter(Boolean).join(' · ') },
            { title: t('market.status'), render: (_, r) => t(`market.statuses.${r.status}`) },
          ]}
        />
      )}
      {creating && <MarketReportDialog onClose={() => setCreating(false)} />}
    </div>
  );
}

function MarketReportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('visits');
  const [form] = Form.useForm<MarketReportInput>();
  const severity = Form.useWatch('severity', form);
  const create = useReportMarket();
  const message = useMessage();
  const finish = (values: MarketReportInput) =>
    create.mutate(
      { ...values, competitor: values.competitor || undefined, product: values.product || undefined, suggestedAction: values.suggestedAction || undefined },
      {
        onSuccess: () => {
          void message.success(t('market.created'));
          onClose();
        },
        onError: (error) => void message.error(problemMessage(error, t)),
      },
    );
  return (
    <Modal open width={640} title={t('market.create')} okText={t('common.submit')} cancelText={t('common.cancel')} confirmLoading={create.isPending} onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" initialValues={{ kind: MarketReportKind.CompetitorPromotion, severity: MarketSeverity.Notable, observedOn: todayInChina() }} onFinish={finish}>
        <Form.Item name="kind" label={t('market.kind')}>
          <Select options={Object.values(MarketReportKind).map((k) => ({ value: k, label: t(`marketKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="severity" label={t('market.severity')}>
          <Select options={Object.values(MarketSeverity).map((s) => ({ value: s, label: t(`severities.${s}`) }))} />
        </Form.Item>
        {severity === MarketSeverity.Serious && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('market.seriousNote')} />}
        <Form.Item name="observedOn" label={t('market.observedOn')}>
          <Input type="date" max={todayInChina()} />
        </Form.Item>
        <Form.Item name="customerId" label={t('common.customer')}>
          <CustomerSelect placeholder={t('plan.customerPlaceholder')} aria-label={t('common.customer')} />
        </Form.Item>
        <Form.Item name="competitor" label={t('market.competitor')}>
          <Input maxLength={maxLengths.MarketReportInput.competitor} />
        </Form.Item>
        <Form.Item name="product" label={t('market.product')}>
          <Input maxLength={maxLengths.MarketReportInput.product} />
        </Form.Item>
        <Form.Item name="description" label={t('market.description')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={maxLengths.MarketReportInput.description} />
        </Form.Item>
        <Form.Item name="suggestedAction" label={t('market.suggestedAction')}>
          <Input.TextArea rows={2} maxLength={maxLengths.MarketReportInput.suggestedAction} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One market report, where the bell's notification leads. */
export function MarketReportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('visits');
  const report = useMarketReport(id);
  if (report.isPending) {
    return <PageLoading />;
  }
  if (report.isError) {
    return hasStatus(report.error, 404) ? <NotFound title={t('market.title')} body={t('market.notFound')} backTo="/visits/market-reports" backLabel={t('market.back')} /> : <PageError error={report.error} onRetry={() => void report.refetch()} />;
  }
  const r = report.data;
  return (
    <div className="page visits-market-report">
      <PageHeader
        title={t(`marketKinds.${r.kind}`)}
        subtitle={<Tag color={severityColor[r.severity]}>{t(`severities.${r.severity}`)}</Tag>}
        actions={
          <Space>
            {r.complaintId ? (
              <Link to={`/complaints/${r.complaintId}`}>
                <Button>{t('market.openComplaint')}</Button>
              </Link>
            ) : (
              r.customerId && (
                <Link to={`/complaints/new?marketReportId=${r.id}&customerId=${r.customerId}`}>
                  <Button type="primary">{t('market.toComplaint')}</Button>
                </Link>
              )
            )}
            <Link to="/visits/market-reports">{t('market.back')}</Link>
          </Space>
        }
      />
      <Card size="small">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('common.rep')}>{r.repName}</Descriptions.Item>
          <Descriptions.Item label={t('market.observedOn')}>{r.observedOn}</Descriptions.Item>
          {r.customerName && (
            <Descriptions.Item label={t('common.customer')}>
              <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>
            </Descriptions.Item>
          )}
          {r.competitor && <Descriptions.Item label={t('market.competitor')}>{r.competitor}</Descriptions.Item>}
          {r.product && <Descriptions.Item label={t('market.product')}>{r.product}</Descriptions.Item>}
          <Descriptions.Item label={t('market.description')}>{r.description}</Descriptions.Item>
          {r.suggestedAction && <Descriptions.Item label={t('market.suggestedAction')}>{r.suggestedAction}</Descriptions.Item>}
          <Descriptions.Item label={t('market.status')}>
            {t(`market.statuses.${r.status}`)}
            {r.acknowledgedAt && ` · ${formatDateTime(r.acknowledgedAt, i18n.language)}`}
          </Descriptions.Item>
          {r.response && <Descriptions.Item label={t('market.response')}>{r.response}</Descriptions.Item>}
        </Descriptions>
      </Card>
    </div>
  );
}
