import { Alert, Button, Col, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerKind, CustomerStage } from '../../api/generated/crm-client';
import { toProblem } from '../../api/problems';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useColleagues } from '../identity/users';
import type { CustomerFields } from './api';
import { splitFieldErrors } from './serverErrors';

const formFields = ['name', 'kind', 'stage', 'phone', 'email', 'company', 'position', 'region', 'industry', 'ownerId'] as const;

interface CustomerFormProps {
  initialValues: Partial<CustomerFields>;
  submitting: boolean;
  /** The failed save, if any: its field errors are shown under the fields they name. */
  error: unknown;
  /** Statuses the page explains itself (e.g. 412), so the form does not repeat them. */
  handledStatuses?: number[];
  onSubmit: (fields: CustomerFields) => void;
  onCancel: () => void;
  extraActions?: ReactNode;
  disabled?: boolean;
}

/** Only fields the user filled in are sent: empty inputs mean "no value", not an empty string. */
function clean(values: CustomerFields): CustomerFields {
  const trimmed = Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, typeof value === 'string' ? value.trim() || undefined : value]),
  );
  return trimmed as unknown as CustomerFields;
}

export function CustomerForm({ initialValues, submitting, error, handledStatuses = [], onSubmit, onCancel, extraActions, disabled }: CustomerFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CustomerFields>();
  const colleagues = useColleagues();
  const problem = error ? toProblem(error) : undefined;
  const shown = problem && !handledStatuses.includes(problem.status) ? problem : undefined;
  const { onFields, elsewhere } = splitFieldErrors(shown?.errors ?? {}, formFields);
  const banner =
    onFields.length > 0 ? [t('customers.formError'), ...elsewhere] : elsewhere.length > 0 ? elsewhere : shown ? [problemMessage(error, t)] : [];

  useEffect(() => {
    // Pushed into the form once per failed save; the user's edits clear them field by field.
    form.setFields(onFields);
  }, [error]);

  const canChooseOwner = (colleagues.data?.length ?? 0) > 1;

  return (
    <Form<CustomerFields>
      form={form}
      layout="vertical"
      initialValues={{ kind: CustomerKind.Company, stage: CustomerStage.Prospect, ...initialValues }}
      onFinish={(values) => onSubmit(clean(values))}
      disabled={disabled}
      scrollToFirstError
    >
      {banner.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={banner[0]}
          description={banner.length > 1 ? banner.slice(1).join(' ') : undefined}
        />
      )}
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('customers.fields.name')} rules={[{ required: true, whitespace: true, message: t('customers.nameRequired') }]}>
            <Input maxLength={200} autoFocus />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="kind" label={t('customers.fields.kind')}>
            <Radio.Group
              optionType="button"
              options={Object.values(CustomerKind).map((kind) => ({ value: kind, label: t(`customers.kinds.${kind}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="stage" label={t('customers.fields.stage')}>
            <Select options={Object.values(CustomerStage).map((stage) => ({ value: stage, label: t(`customers.stages.${stage}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('customers.fields.phone')}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="email" label={t('customers.fields.email')}>
            <Input inputMode="email" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="company" label={t('customers.fields.company')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="position" label={t('customers.fields.position')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="region" label={t('customers.fields.region')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industry" label={t('customers.fields.industry')}>
            <Input />
          </Form.Item>
        </Col>
        {canChooseOwner && (
          <Col xs={24} md={12}>
            <Form.Item name="ownerId" label={t('customers.fields.owner')}>
              <Select
                showSearch
                optionFilterProp="label"
                options={colleagues.data?.map((u) => ({ value: u.id, label: u.teamName ? `${u.displayName}（${u.teamName}）` : u.displayName }))}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('common.save')}
          </Button>
          <Button onClick={onCancel} disabled={false}>
            {t('common.cancel')}
          </Button>
        </Space>
        {extraActions}
      </Space>
    </Form>
  );
}
