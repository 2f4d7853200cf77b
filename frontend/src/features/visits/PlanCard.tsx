import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PlannedVisitDto, type PlannedVisitInput, PlanStatus, type VisitPlanDto, VisitPurpose, type VisitRecordDto } from '../../api/generated/visits-client';
import { maxLengths } from '../../api/generated/limits';
import { hasStatus } from '../../api/problems';
import { CustomerSelect } from '../../shared/ui/CustomerSelect';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { usePlanStep, usePlanSuggestions, useSavePlan } from './api';
import { planStatusColor, slot } from './labels';

interface PlanCardProps {
  day: string;
  plan: VisitPlanDto | null;
  visits: VisitRecordDto[];
  /** Only on today's plan: check in at a planned customer. */
  onCheckIn?: (visit: PlannedVisitDto) => void;
}

/** 每日拜访计划表: the day's planned visits, its sign-off state, the editor, and the customers overdue for a visit. */
export function PlanCard({ day, plan, visits, onCheckIn }: PlanCardProps) {
  const { t } = useTranslation('visits');
  const [editing, setEditing] = useState<PlannedVisitInput[]>();
  const step = usePlanStep();
  const message = useMessage();
  const editable = plan == null || plan.status !== PlanStatus.Submitted;
  const current = (plan?.visits ?? []).map(toInput);
  const submit = () =>
    plan &&
    step.mutate(
      { plan, step: 'submit' },
      {
        onSuccess: () => void message.success(t('plan.submitted')),
        onError: (error) => void message.error(hasStatus(error, 412) ? t('common.changedElsewhere') : problemMessage(error, t)),
      },
    );

  return (
    <Card
      size="small"
      title={
        <Space>
          {t('plan.title')}
          {plan && <Tag color={planStatusColor[plan.status]}>{t(`planStatuses.${plan.status}`)}</Tag>}
        </Space>
      }
      extra={
        <Space>
          {editable && <Button onClick={() => setEditing(current.length ? current : [blankVisit()])}>{plan ? t('plan.edit') : t('plan.create')}</Button>}
          {plan && (plan.status === PlanStatus.Draft || plan.status === PlanStatus.Returned) && (
            <Button type="primary" loading={step.isPending} disabled={plan.visits.length === 0} onClick={submit}>
              {t('plan.submit')}
            </Button>
          )}
        </Space>
      }
    >
      {plan?.status === PlanStatus.Returned && plan.returnComment && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('plan.returnedBy', { comment: plan.returnComment })} />}
      {plan?.amendedAt != null && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('plan.amended')} />}
      {plan && plan.visits.length > 0 ? (
        <Table<PlannedVisitDto>
          rowKey="customerId"
          size="small"
          pagination={false}
          dataSource={plan.visits}
          columns={[
            { title: t('plan.slot'), width: 110, render: (_, v) => slot(v.from, v.to) || t('common.dash') },
            { title: t('common.customer'), dataIndex: 'customerName' },
            { title: t('plan.area'), render: (_, v) => v.area ?? t('common.dash') },
            { title: t('plan.purpose'), render: (_, v) => t(`purposes.${v.purpose}`) },
            { title: t('plan.notes'), render: (_, v) => v.notes ?? '' },
            ...(onCheckIn
              ? [
                  {
                    title: '',
                    width: 90,
                    render: (_: unknown, v: PlannedVisitDto) =>
                      visits.some((r) => r.customerId === v.customerId) ? null : (
                        <Button size="small" onClick={() => onCheckIn(v)}>
                          {t('visit.checkIn')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <Empty description={t('plan.none')} />
      )}
      {editable && <Suggestions day={day} planned={current} onAdd={(visit) => setEditing([...(editing ?? current), visit])} />}
      {editing && <PlanEditor day={day} plan={plan} visits={editing} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}

function toInput(visit: PlannedVisitDto): PlannedVisitInput & { customerName?: string } {
  return { customerId: visit.customerId, customerName: visit.customerName, area: visit.area, from: visit.from, to: visit.to, purpose: visit.purpose, notes: visit.notes };
}

function blankVisit(): PlannedVisitInput {
  return { customerId: '', purpose: VisitPurpose.DevelopCustomer };
}

/** Customers whose visit cadence has run out by the day: one click puts them on the plan. */
function Suggestions({ day, planned, onAdd }: { day: string; planned: PlannedVisitInput[]; onAdd: (visit: PlannedVisitInput) => void }) {
  const { t } = useTranslation('visits');
  const suggestions = usePlanSuggestions(day);
  const open = (suggestions.data?.customers ?? []).filter((c) => !planned.some((p) => p.customerId === c.customerId));
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Text strong>{t('plan.suggestions')}</Typography.Text>
      {suggestions.data && suggestions.data.total > 0 && <Typography.Text type="secondary"> · {t('plan.suggestionsTotal', { count: suggestions.data.total })}</Typography.Text>}
      <List
        size="small"
        loading={suggestions.isLoading}
        locale={{ emptyText: t('plan.noSuggestions') }}
        dataSource={open.slice(0, 8)}
        renderItem={(c) => (
          <List.Item
            actions={[
              <Button key="add" size="small" icon={<PlusOutlined />} onClick={() => onAdd({ customerId: c.customerId, purpose: VisitPurpose.Service })}>
                {t('plan.addToPlan')}
              </Button>,
            ]}
          >
            <Space>
              {c.customerName}
              <Typography.Text type="secondary">{t('plan.due', { date: c.visitDue })}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}

const timeOptions = Array.from({ length: 27 }, (_, i) => {
  const minutes = 7 * 60 + i * 30;
  const value = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { value: `${value}:00`, label: value };
});

/** The whole day's list at once: add, change and remove visits, then save (a draft, or an amendment after approval). */
function PlanEditor({ day, plan, visits, onClose }: { day: string; plan: VisitPlanDto | null; visits: PlannedVisitInput[]; onClose: () => void }) {
  const { t } = useTranslation('visits');
  const [form] = Form.useForm<{ visits: PlannedVisitInput[] }>();
  const save = useSavePlan(plan);
  const message = useMessage();
  const finish = ({ visits: rows }: { visits: PlannedVisitInput[] }) =>
    save.mutate(
      { day, visits: rows.map((v) => ({ ...v, area: v.area || undefined, notes: v.notes || undefined })) },
      {
        onSuccess: () => {
          void message.success(t('plan.saved'));
          onClose();
        },
        onError: (error) => void message.error(hasStatus(error, 412) ? t('common.changedElsewhere') : problemMessage(error, t)),
      },
    );
  return (
    <Modal open width={900} title={t('plan.editorTitle', { day })} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={save.isPending} onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" initialValues={{ visits }} onFinish={finish}>
        <Form.List name="visits">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap className="plan-editor-row">
                  <Form.Item name={[field.name, 'customerId']} label={t('common.customer')} rules={[{ required: true }]} style={{ width: 220 }}>
                    <CustomerSelect placeholder={t('plan.customerPlaceholder')} aria-label={t('common.customer')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'from']} label={t('plan.slot')} style={{ width: 100 }}>
                    <Select allowClear options={timeOptions} aria-label={t('plan.slot')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'to']} label=" " style={{ width: 100 }}>
                    <Select allowClear options={timeOptions} aria-label={`${t('plan.slot')} 2`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'purpose']} label={t('plan.purpose')} style={{ width: 140 }}>
                    <Select aria-label={t('plan.purpose')} options={Object.values(VisitPurpose).map((p) => ({ value: p, label: t(`purposes.${p}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'area']} label={t('plan.area')} style={{ width: 110 }}>
                    <Input maxLength={maxLengths.PlannedVisitInput.area} aria-label={t('plan.area')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'notes']} label={t('plan.notes')} style={{ width: 150 }}>
                    <Input maxLength={maxLengths.PlannedVisitInput.notes} aria-label={t('plan.notes')} />
                  </Form.Item>
                  <Button type="text" aria-label={t('plan.remove')} icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blankVisit())}>
                {t('plan.addVisit')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
