import { Alert, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ComplaintChannel, type ComplaintInput, ComplaintSeverity } from '../../api/generated/complaints-client';
import { maxLengths } from '../../api/generated/limits';
import { chinaLocalToIso } from '../../shared/format';
import { ColleagueSelect } from '../../shared/ui/ColleagueSelect';
import { useCustomerDeals } from '../../shared/customerDeals';
import { CustomerSelect } from '../../shared/ui/CustomerSelect';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useMessage } from '../../shared/ui/feedback';
import { useReceiveComplaint } from './api';
import { ComplaintsNav } from './ComplaintsNav';
import { showProblem } from './formProblems';

type IntakeFields = Omit<ComplaintInput, 'receivedAt'> & { receivedAt?: string };

const fields = ['customerId', 'channel', 'severity', 'title', 'description', 'product', 'contactName', 'receivedAt', 'ownerId', 'marketReportId', 'dealId'] as const;
const limits = maxLengths.ComplaintInput;

/** 投诉登记: who complains, about what, through which channel and how badly; the promised time follows from the service standard. */
export default function ComplaintIntakePage() {
  const { t } = useTranslation('complaints');
  const [params] = useSearchParams();
  const marketReportId = params.get('marketReportId') ?? undefined;
  const [form] = Form.useForm<IntakeFields>();
  const customerId = Form.useWatch('customerId', form);
  const deals = useCustomerDeals(customerId);
  const receive = useReceiveComplaint();
  const navigate = useNavigate();
  const message = useMessage();
  const channels = Object.values(ComplaintChannel).filter((c) => (marketReportId ? c === ComplaintChannel.MarketReport : c !== ComplaintChannel.MarketReport));

  const finish = ({ receivedAt, ...values }: IntakeFields) =>
    receive.mutate(
      {
        ...values,
        product: values.product || undefined,
        contactName: values.contactName || undefined,
        dealId: values.dealId ?? undefined,
        receivedAt: receivedAt ? chinaLocalToIso(receivedAt) : undefined,
        marketReportId,
      },
      {
        onSuccess: (complaint) => {
          void message.success(t('intake.created'));
          void navigate(`/complaints/${complaint.id}`);
        },
        onError: (error) => showProblem(form, error, fields, message, t),
      },
    );

  return (
    <div className="page complaints-intake">
      <PageHeader title={t('intake.title')} subtitle={t('intake.subtitle')} />
      <ComplaintsNav />
      <Card style={{ marginTop: 16 }}>
        {marketReportId && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('intake.fromMarketReport')} />}
        <Form<IntakeFields>
          form={form}
          layout="vertical"
          initialValues={{
            customerId: params.get('customerId') ?? undefined,
            channel: marketReportId ? ComplaintChannel.MarketReport : ComplaintChannel.Phone,
            severity: ComplaintSeverity.Major,
          }}
          onFinish={finish}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="customerId" label={t('intake.customer')} rules={[{ required: true }]}>
                <CustomerSelect placeholder={t('intake.customerPlaceholder')} aria-label={t('intake.customer')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactName" label={t('intake.contactName')}>
                <Input maxLength={limits.contactName} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="channel" label={t('intake.channel')}>
                <Select aria-label={t('intake.channel')} options={channels.map((c) => ({ value: c, label: t(`channels.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="severity" label={t('intake.severity')}>
                <Select aria-label={t('intake.severity')} options={Object.values(ComplaintSeverity).map((s) => ({ value: s, label: t(`severities.${s}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="product" label={t('intake.product')}>
                <Input maxLength={limits.product} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="receivedAt" label={t('intake.receivedAt')} extra={t('intake.receivedAtHelp')}>
                <Input type="datetime-local" aria-label={t('intake.receivedAt')} />
              </Form.Item>
            </Col>
            {(deals.data?.items.length ?? 0) > 0 && (
              <Col xs={24} md={12}>
                <Form.Item name="dealId" label={t('intake.deal')}>
                  <Select allowClear aria-label={t('intake.deal')} placeholder={t('intake.noDeal')} options={(deals.data?.items ?? []).map((d) => ({ value: d.id, label: d.title }))} />
                </Form.Item>
              </Col>
            )}
            <Col span={24}>
              <Form.Item name="title" label={t('intake.titleField')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={limits.title} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="description" label={t('intake.description')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={4} maxLength={limits.description} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="ownerId" label={t('intake.owner')} extra={t('intake.ownerHelp')}>
                <ColleagueSelect allowClear withTeam aria-label={t('intake.owner')} />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={receive.isPending}>
              {t('common.submit')}
            </Button>
            <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
