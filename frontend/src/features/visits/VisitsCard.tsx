import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Empty, Form, Input, InputNumber, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ComplaintStatus } from '../../api/generated/complaints-client';
import type { CheckOutInput, VisitRecordDto } from '../../api/generated/visits-client';
import { VisitPurpose } from '../../api/generated/visits-client';
import { maxLengths } from '../../api/generated/limits';
import { hasStatus } from '../../api/problems';
import { formatDateTime } from '../../shared/format';
import { CustomerSelect } from '../../shared/ui/CustomerSelect';
import { PageError } from '../../shared/ui/PageStates';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useCustomerDeals } from '../../shared/customerDeals';
import { useCustomerComplaints } from '../../shared/customerComplaints';
import { useCheckIn, useCheckOut } from './api';
import { currentLocation } from './geolocation';

/** What a check-in starts from: a planned visit's customer and purpose, or nothing (an unplanned visit). */
export interface CheckInRequest {
  customerId?: string;
  customerName?: string;
  purpose?: VisitPurpose;
}

interface VisitsCardProps {
  visits: VisitRecordDto[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  planId?: string;
  /** Check-in is offered on today only. */
  today: boolean;
  checkIn?: CheckInRequest;
  onCheckIn: (request: CheckInRequest | undefined) => void;
}

/** The day's visits as they happened: check in (with the browser's location when allowed), check out with the outcome. */
export function VisitsCard({ visits, loading, error, onRetry, planId, today, checkIn, onCheckIn }: VisitsCardProps) {
  const { t, i18n } = useTranslation('visits');
  const [checkingOut, setCheckingOut] = useState<VisitRecordDto>();
  return (
    <Card
      size="small"
      title={t('visit.title')}
      extra={
        today && (
          <Button icon={<EnvironmentOutlined />} onClick={() => onCheckIn({})}>
            {t('visit.checkInAdHoc')}
          </Button>
        )
      }
    >
      {error ? (
        <PageError error={error} onRetry={onRetry} />
      ) : visits.length === 0 && !loading ? (
        <Empty description={t('visit.none')} />
      ) : (
        <List
          size="small"
          loading={loading}
          dataSource={visits}
          renderItem={(visit) => (
            <List.Item
              actions={
                visit.checkedOutAt == null
                  ? [
                      <Button key="out" size="small" type="primary" onClick={() => setCheckingOut(visit)}>
                        {t('visit.checkOut')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {visit.customerName}
                    <Tag>{t(`purposes.${visit.purpose}`)}</Tag>
                    {visit.checkedOutAt == null ? <Tag color="processing">{t('visit.open')}</Tag> : <Tag color="success">{t('visit.duration', { minutes: visit.durationMinutes })}</Tag>}
                    {visit.ordered && <Tag color="gold">{t('visit.ordered')}</Tag>}
                    <Typography.Text type="secondary">
                      {visit.checkInLocation ? t('visit.located', { meters: Math.round(visit.checkInLocation.accuracyMeters) }) : t('visit.noLocation')}
                    </Typography.Text>
                  </Space>
                }
                description={
                  <Space direction="vertical" size={0}>
                    <span>{t('visit.inAt', { time: formatDateTime(visit.checkedInAt, i18n.language) })}</span>
                    {visit.outcome && <span>{visit.outcome}</span>}
                    {visit.nextStep && <span>{`${t('visit.nextStep')}: ${visit.nextStep}`}</span>}
                    {visit.dealId && visit.dealTitle && (
                      <span>
                        {`${t('visit.deal')}: `}
                        <Link to={`/deals/${visit.dealId}`}>{visit.dealTitle}</Link>
                      </span>
                    )}
                    {visit.complaintId && visit.complaintTitle && (
                      <span>
                        {`${t('visit.complaint')}: `}
                        <Link to={`/complaints/${visit.complaintId}`}>{visit.complaintTitle}</Link>
                      </span>
                    )}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      {checkIn && <CheckInDialog request={checkIn} planId={planId} onClose={() => onCheckIn(undefined)} />}
      {checkingOut && <CheckOutDialog visit={checkingOut} onClose={() => setCheckingOut(undefined)} />}
    </Card>
  );
}

function CheckInDialog({ request, planId, onClose }: { request: CheckInRequest; planId?: string; onClose: () => void }) {
  const { t } = useTranslation('visits');
  const [form] = Form.useForm<{ customerId: string; purpose: VisitPurpose }>();
  const [locating, setLocating] = useState(false);
  const checkIn = useCheckIn();
  const message = useMessage();
  const finish = async (values: { customerId: string; purpose: VisitPurpose }) => {
    setLocating(true);
    const location = await currentLocation();
    setLocating(false);
    checkIn.mutate(
      { customerId: values.customerId, purpose: values.purpose, planId: request.customerId ? planId : undefined, location },
      {
        onSuccess: (visit) => {
          void message.success(t('visit.checkedIn', { customer: visit.customerName }));
          onClose();
        },
        onError: (error) => void message.error(problemMessage(error, t)),
      },
    );
  };
  return (
    <Modal
      open
      title={t('visit.checkInTitle')}
      okText={locating ? t('visit.locating') : t('visit.checkIn')}
      cancelText={t('common.cancel')}
      confirmLoading={locating || checkIn.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" initialValues={{ customerId: request.customerId, purpose: request.purpose ?? VisitPurpose.Service }} onFinish={(v) => void finish(v)}>
        <Form.Item name="customerId" label={t('common.customer')} rules={[{ required: true }]}>
          {request.customerId ? <Select disabled options={[{ value: request.customerId, label: request.customerName }]} /> : <CustomerSelect placeholder={t('plan.customerPlaceholder')} aria-label={t('common.customer')} />}
        </Form.Item>
        <Form.Item name="purpose" label={t('plan.purpose')}>
          <Select aria-label={t('plan.purpose')} options={Object.values(VisitPurpose).map((p) => ({ value: p, label: t(`purposes.${p}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CheckOutDialog({ visit, onClose }: { visit: VisitRecordDto; onClose: () => void }) {
  const { t } = useTranslation('visits');
  const [form] = Form.useForm<CheckOutInput>();
  const checkOut = useCheckOut();
  const deals = useCustomerDeals(visit.customerId);
  // Closed ones take nothing more; a resolved one may still be followed up in person.
  const complaints = useCustomerComplaints(visit.customerId).data?.items.filter((c) => c.status !== ComplaintStatus.Closed) ?? [];
  const message = useMessage();
  const finish = async (values: CheckOutInput) => {
    const location = await currentLocation();
    checkOut.mutate(
      {
        visit,
        input: { ...values, nextStep: values.nextStep || undefined, nextStepDue: values.nextStepDue || undefined, ordered: values.ordered ?? false, dealId: values.dealId ?? undefined, complaintId: values.complaintId ?? undefined, location },
      },
      {
        onSuccess: () => {
          void message.success(t('visit.checkedOut'));
          onClose();
        },
        onError: (error) => void message.error(hasStatus(error, 412) ? t('common.changedElsewhere') : problemMessage(error, t)),
      },
    );
  };
  return (
    <Modal open title={`${t('visit.checkOut')} · ${visit.customerName}`} okText={t('visit.checkOut')} cancelText={t('common.cancel')} confirmLoading={checkOut.isPending} onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        <Form.Item name="outcome" label={t('visit.outcome')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={maxLengths.CheckOutInput.outcome} />
        </Form.Item>
        <Form.Item name="nextStep" label={t('visit.nextStep')}>
          <Input maxLength={maxLengths.CheckOutInput.nextStep} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="nextStepDue" label={t('visit.nextStepDue')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="cost" label={t('visit.cost')}>
            <InputNumber<number> min={0} max={999_999.99} precision={2} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item name="dealId" label={t('visit.deal')}>
          <Select allowClear loading={deals.isLoading} placeholder={t('visit.noDeal')} options={(deals.data?.items ?? []).map((d) => ({ value: d.id, label: d.title }))} />
        </Form.Item>
        {complaints.length > 0 && (
          <Form.Item name="complaintId" label={t('visit.complaint')} extra={t('visit.complaintHelp')}>
            <Select allowClear placeholder={t('visit.noComplaint')} options={complaints.map((c) => ({ value: c.id, label: c.title }))} />
          </Form.Item>
        )}
        <Form.Item name="ordered" valuePropName="checked">
          <Checkbox>{t('visit.ordered')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
