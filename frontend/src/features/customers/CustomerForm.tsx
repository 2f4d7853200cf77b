import { Alert, Button, Col, Divider, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useEffect, useEffectEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerKind, CustomerSource, CustomerStage, Gender, Importance, IncomeBand, PriorityTier } from '../../api/generated/customers-client';
import { maxItems, maxLengths } from '../../api/generated/limits';
import { todayInChina } from '../../shared/format';
import { useSession } from '../../app/auth/session';
import { ColleagueSelect } from '../../shared/ui/ColleagueSelect';
import { toProblem } from '../../api/problems';
import { problemMessage } from '../../shared/ui/problemMessage';
import type { CustomerFields } from './api';
import { splitFieldErrors } from '../../shared/serverErrors';

const formFields = [
  'name',
  'kind',
  'phone',
  'otherPhones',
  'email',
  'company',
  'position',
  'address',
  'region',
  'industry',
  'source',
  'tags',
  'ownerId',
  'stage',
  'importance',
  'priorityTier',
  'relationshipLevel',
  'gender',
  'birthday',
  'occupation',
  'incomeBand',
  'hobbies',
  'personality',
  'family',
  'preferredProducts',
  'preferredColours',
  'preferredSpecs',
  'preferredChannels',
] as const;

/** Listed in the order people think of them, not the enums' order. */
const priorityTiers = [PriorityTier.Priority, PriorityTier.General, PriorityTier.Last];
const relationshipLevels = [1, 2, 3, 4] as const;

/** What the server accepts, from the contract (see api/generated/limits.ts): the form never lets more through. */
const limits = maxLengths.CustomerInput;
const listLimits = maxItems.CustomerInput;

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
    Object.entries(values).map(([key, value]) => [
      key,
      typeof value === 'string' ? value.trim() || undefined : Array.isArray(value) ? value.map((item: string) => item.trim()).filter(Boolean) : value,
    ]),
  );
  return trimmed as unknown as CustomerFields;
}

/** A free list (tags, phones) typed item by item; the list never holds more items than the contract allows. */
function ListInput({ max, placeholder, ...props }: { max: number; placeholder: string; id?: string; value?: string[]; onChange?: (value: string[]) => void }) {
  return <Select {...props} mode="tags" open={false} suffixIcon={null} maxCount={max} tokenSeparators={[',', '，']} placeholder={placeholder} />;
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

  const eachWithin = (max: number) => ({
    validator: (_: unknown, items: string[] | undefined) =>
      (items ?? []).every((item) => item.trim().length <= max) ? Promise.resolve() : Promise.reject(new Error(t('itemTooLong', { max: String(max) }))),
  });

  // A rep's customers are their own; managers and above give customers to colleagues.
  const canChooseOwner = me !== undefined && me !== null && me.role !== 'Rep';

  return (
    <Form<CustomerFields>
      form={form}
      layout="vertical"
      initialValues={{
        kind: CustomerKind.Company,
        stage: CustomerStage.Prospect,
        importance: Importance.General,
        priorityTier: PriorityTier.General,
        relationshipLevel: 1,
        ...initialValues,
      }}
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
      <Divider titlePlacement="start">{t('sections.basics')}</Divider>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
            <Input maxLength={limits.name} autoFocus />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('fields.kind')}>
            <Radio.Group
              optionType="button"
              options={Object.values(CustomerKind).map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('fields.phone')}>
            <Input inputMode="tel" maxLength={limits.phone} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="otherPhones" label={t('fields.otherPhones')} rules={[eachWithin(limits.otherPhones)]}>
            <ListInput max={listLimits.otherPhones} placeholder={t('otherPhonesPlaceholder')} />
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
          <Form.Item name="address" label={t('fields.address')}>
            <Input maxLength={limits.address} />
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
        <Col xs={24} md={12}>
          <Form.Item name="source" label={t('fields.source')}>
            <Select allowClear options={Object.values(CustomerSource).map((source) => ({ value: source, label: t(`sources.${source}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="tags" label={t('fields.tags')} rules={[eachWithin(limits.tags)]}>
            <ListInput max={listLimits.tags} placeholder={t('tagsPlaceholder')} />
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

      <Divider titlePlacement="start">{t('sections.classification')}</Divider>
      <Row gutter={24}>
        <Col xs={24} md={6}>
          <Form.Item name="stage" label={t('fields.stage')}>
            <Select options={Object.values(CustomerStage).map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="importance" label={t('fields.importance')}>
            <Radio.Group
              optionType="button"
              options={[Importance.Key, Importance.General].map((importance) => ({ value: importance, label: t(`importances.${importance}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="priorityTier" label={t('fields.priorityTier')} tooltip={t('priorityTierHint')}>
            <Radio.Group optionType="button" options={priorityTiers.map((tier) => ({ value: tier, label: t(`priorityTiers.${tier}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="relationshipLevel" label={t('fields.relationshipLevel')}>
            <Select options={relationshipLevels.map((level) => ({ value: level, label: t(`relationshipLevels.level${level}`) }))} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('sections.profile')}</Divider>
      <Row gutter={24}>
        <Col xs={24} md={6}>
          <Form.Item name="gender" label={t('fields.gender')}>
            <Select allowClear options={Object.values(Gender).map((gender) => ({ value: gender, label: t(`genders.${gender}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="birthday" label={t('fields.birthday')}>
            <Input type="date" min="1900-01-01" max={todayInChina()} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="occupation" label={t('fields.occupation')}>
            <Input maxLength={limits.occupation} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="incomeBand" label={t('fields.incomeBand')}>
            <Select allowClear options={Object.values(IncomeBand).map((band) => ({ value: band, label: t(`incomeBands.${band}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="hobbies" label={t('fields.hobbies')}>
            <Input.TextArea rows={2} maxLength={limits.hobbies} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="personality" label={t('fields.personality')}>
            <Input.TextArea rows={2} maxLength={limits.personality} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="family" label={t('fields.family')}>
            <Input.TextArea rows={2} maxLength={limits.family} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('sections.preferences')}</Divider>
      <Row gutter={24}>
        <Col xs={24} md={6}>
          <Form.Item name="preferredProducts" label={t('fields.preferredProducts')}>
            <Input maxLength={limits.preferredProducts} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="preferredColours" label={t('fields.preferredColours')}>
            <Input maxLength={limits.preferredColours} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="preferredSpecs" label={t('fields.preferredSpecs')}>
            <Input maxLength={limits.preferredSpecs} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="preferredChannels" label={t('fields.preferredChannels')}>
            <Input maxLength={limits.preferredChannels} />
          </Form.Item>
        </Col>
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
