import { Alert, Button, Col, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useEffect, useEffectEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerKind, CustomerStage } from '../../api/generated/crm-client';
import { maxLengths } from '../../api/generated/limits';
import { useSession } from '../../app/auth/session';
import { ColleagueSelect } from '../../shared/ui/ColleagueSelect';
import { toProblem } from '../../api/problems';
import { problemMessage } from '../../shared/ui/problemMessage';
import type { CustomerFields } from './api';
import { splitFieldErrors } from './serverErrors';

const formFields = ['name', 'kind', 'stage', 'phone', 'email', 'company', 'position', 'region', 'industry', 'ownerId'] as const;

/** What the server accepts, from the contract (see api/generated/limits.ts): the form never lets more through. */
const limits = maxLengths.CustomerInput;

interface CustomerFormProps {
  initialValues: Partial<CustomerFields>;
  /** The current owner's name, when editing: shown before anyone searches colleagues. */
  ownerName?: string;
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

export function CustomerForm({ initialValues, ownerName, submitting, error, handledStatuses = [], onSubmit, onCancel, extraActions, disabled }: CustomerFormProps) {
  const { t } = useTranslation('customers');
  const [form] = Form.useForm<CustomerFields>();
  const { data: me } = useSession();
  const problem = error ? toProblem(error) : undefined;
  const shown = problem && !handledStatuses.includes(problem.status) ? problem : undefined;
  const { onFields, elsewhere } = splitFieldErrors(shown?.errors ?? {}, formFields);
  const banner =
    onFields.length > 0 ? [t('formError'), ...elsewhere] : elsewhere.length > 0 ? elsewhere : shown ? [problemMessage(error, t)] : [];

  const showFieldErrors = useEffectEvent(() => form.setFields(onFields));
  useEffect(() => {
    // Pushed into the form once per failed save; the user's edits clear them field by field.
    showFieldErrors();
  }, [error]);

  // A rep's customers are their own; managers and above give customers to colleagues.
  const canChooseOwner = me !== undefined && me !== null && me.role !== 'Rep';

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
          <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
            <Input maxLength={limits.name} autoFocus />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="kind" label={t('fields.kind')}>
            <Radio.Group
              optionType="button"
              options={Object.values(CustomerKind).map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="stage" label={t('fields.stage')}>
            <Select options={Object.values(CustomerStage).map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('fields.phone')}>
            <Input inputMode="tel" maxLength={limits.phone} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="email" label={t('fields.email')}>
            <Input inputMode="email" maxLength={limits.email} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="company" label={t('fields.company')}>
            <Input maxLength={limits.company} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="position" label={t('fields.position')}>
            <Input maxLength={limits.position} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="region" label={t('fields.region')}>
            <Input maxLength={limits.region} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industry" label={t('fields.industry')}>
            <Input maxLength={limits.industry} />
          </Form.Item>
        </Col>
        {canChooseOwner && (
          <Col xs={24} md={12}>
            <Form.Item name="ownerId" label={t('fields.owner')}>
              <ColleagueSelect withTeam valueLabel={ownerName} aria-label={t('fields.owner')} />
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
