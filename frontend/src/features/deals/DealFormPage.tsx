import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { DealDto, DealInput, ProductDto } from '../../api/generated/deals-client';
import { maxLengths } from '../../api/generated/limits';
import { hasStatus, toProblem } from '../../api/problems';
import { ColleagueSelect } from '../../shared/ui/ColleagueSelect';
import { CustomerSelect } from '../../shared/ui/CustomerSelect';
import { NotFound } from '../../shared/ui/NotFound';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError, PageLoading } from '../../shared/ui/PageStates';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useCreateDeal, useDeal, useProducts, useUpdateDeal } from './api';
import { formatMoney, toFen } from '../../shared/format';

interface LineFields {
  productId?: string;
  product?: string;
  /** Kept as the line had them (a line written through the API may carry them): a PUT replaces the lines whole. */
  spec?: string;
  unit?: string;
  quantity: number;
  unitPrice?: number;
  discountPercent?: number;
  unitCost?: number;
}

interface DealFields {
  customerId: string;
  title: string;
  amount?: number;
  expectedCloseOn?: string;
  probability?: number;
  nextStep?: string;
  nextStepDue?: string;
  ownerId?: string;
  lines: LineFields[];
}

/** A line's amount as the server computes it: quantity × price less the discount, to the fen, half away from zero. */
export function lineAmount(line: Partial<LineFields>): number {
  // In hundredths of a fen first, so a half fen (10.01 × 50 %) is a whole number and rounds up, as the server rounds.
  const hundredthsOfFen = Math.round((line.quantity ?? 0) * (line.unitPrice ?? 0) * (100 - (line.discountPercent ?? 0)) * 100);
  return Math.round(hundredthsOfFen / 100) / 100;
}

/** A new deal (from the board, or from a customer's card with ?customerId=) or an open deal's new terms. */
export default function DealFormPage() {
  const { id } = useParams();
  const { t } = useTranslation('deals');
  const deal = useDeal(id ?? '');
  if (!id) {
    return <DealForm />;
  }
  if (deal.isPending) {
    return <PageLoading />;
  }
  if (deal.isError) {
    return hasStatus(deal.error, 404) ? (
      <NotFound title={t('notFoundTitle')} body={t('notFoundBody')} backTo="/deals" backLabel={t('backToBoard')} />
    ) : (
      <PageError error={deal.error} onRetry={() => void deal.refetch()} />
    );
  }
  return <DealForm deal={deal.data} />;
}

function DealForm({ deal }: { deal?: DealDto }) {
  const { t, i18n } = useTranslation('deals');
  const [form] = Form.useForm<DealFields>();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const message = useMessage();
  const create = useCreateDeal();
  const update = useUpdateDeal(deal);
  const save = deal ? update : create;
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const lines = Form.useWatch('lines', form) ?? [];
  const linesTotal = toFen(lines.reduce((sum, line) => sum + lineAmount(line ?? {}), 0));

  const initial: Partial<DealFields> = deal
    ? {
        customerId: deal.customerId,
        title: deal.title,
        amount: deal.lines.length ? undefined : deal.amount,
        expectedCloseOn: deal.expectedCloseOn,
        probability: deal.probabilityOverride,
        nextStep: deal.nextStep,
        nextStepDue: deal.nextStepDue,
        ownerId: deal.ownerId,
        lines: deal.lines.map((l) => ({
          productId: l.productId,
          product: l.product,
          spec: l.spec,
          unit: l.unit,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          discountPercent: l.discountPercent,
          unitCost: l.unitCost,
        })),
      }
    : { customerId: searchParams.get('customerId') ?? undefined, lines: [] };

  const submit = (fields: DealFields) => {
    setUnplaced([]);
    const input: DealInput = {
      customerId: fields.customerId,
      title: fields.title.trim(),
      amount: fields.lines.length ? undefined : (fields.amount ?? 0),
      expectedCloseOn: fields.expectedCloseOn || undefined,
      probability: fields.probability ?? undefined,
      nextStep: fields.nextStep?.trim() || undefined,
      nextStepDue: fields.nextStepDue || undefined,
      ownerId: fields.ownerId,
      lines: fields.lines.map((l) => ({ ...l, product: l.productId ? undefined : l.product?.trim() })),
    };
    save.mutate(input, {
      onSuccess: (saved) => {
        void message.success(t(deal ? 'form.saved' : 'form.created'));
        void navigate(`/deals/${saved.id}`);
      },
      onError: (error) => {
        const problem = toProblem(error);
        const elsewhere: string[] = [];
        const onFields = Object.entries(problem.errors).flatMap(([field, errors]) => {
          const path = fieldPath(field);
          if (!path) {
            elsewhere.push(...errors);
            return [];
          }
          return [{ name: path, errors }];
        });
        form.setFields(onFields);
        setUnplaced(onFields.length || elsewhere.length ? elsewhere : [problemMessage(error, t)]);
      },
    });
  };

  return (
    <div className="page deal-form">
      <PageHeader title={deal ? t('form.editTitle', { title: deal.title }) : t('form.createTitle')} />
      {unplaced.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={unplaced.join(' ')} />}
      <Form<DealFields> form={form} layout="vertical" initialValues={initial} onFinish={submit} scrollToFirstError>
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="customerId" label={t('fields.customer')} rules={[{ required: true, message: t('form.customerRequired') }]}>
                {deal ? <Select disabled options={[{ value: deal.customerId, label: deal.customerName }]} /> : <CustomerSelect placeholder={t('form.customerPlaceholder')} />}
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="title" label={t('fields.title')} rules={[{ required: true, whitespace: true, message: t('form.titleRequired') }]}>
                <Input maxLength={maxLengths.DealInput.title} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="expectedCloseOn" label={t('fields.expectedCloseOn')}>
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="probability" label={t('fields.probability')} extra={t('form.probabilityHelp')}>
                <InputNumber min={0} max={100} precision={0} addonAfter="%" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="ownerId" label={t('fields.owner')} extra={deal ? undefined : t('form.ownerHelp')}>
                <ColleagueSelect allowClear withTeam valueLabel={deal?.ownerName} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="nextStep" label={t('fields.nextStep')}>
                <Input maxLength={maxLengths.DealInput.nextStep} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="nextStepDue" label={t('fields.nextStepDue')}>
                <Input type="date" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('detail.lines')} style={{ marginBottom: 16 }}>
          <Form.List name="lines">
            {(rows, { add, remove }) => (
              <>
                {rows.map(({ key, name }) => (
                  <LineRow key={key} name={name} onRemove={() => remove(name)} />
                ))}
                <Space wrap align="center">
                  <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })}>
                    {t('form.addLine')}
                  </Button>
                  {rows.length > 0 ? (
                    <Typography.Text strong>{t('form.linesTotal', { amount: formatMoney(linesTotal, i18n.language) })}</Typography.Text>
                  ) : (
                    <Form.Item name="amount" label={t('fields.amount')} style={{ marginBottom: 0 }} layout="horizontal">
                      <InputNumber min={0} precision={2} prefix="¥" style={{ width: 180 }} />
                    </Form.Item>
                  )}
                </Space>
              </>
            )}
          </Form.List>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button onClick={() => void navigate(deal ? `/deals/${deal.id}` : '/deals')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </div>
  );
}

type FieldName = Parameters<FormInstance<DealFields>['setFields']>[0][number]['name'];

/** Where a server field error goes on this form: `title`, or `lines[2].quantity` as ['lines', 2, 'quantity']; null when the form has no such field. */
export function fieldPath(field: string): FieldName | null {
  const line = /^lines\[(\d+)\]\.(productId|product|quantity|unitPrice|discountPercent|unitCost)$/.exec(field);
  if (line) {
    return ['lines', Number(line[1]), line[2]] as FieldName;
  }
  return ['customerId', 'title', 'amount', 'expectedCloseOn', 'probability', 'nextStep', 'nextStepDue', 'ownerId'].includes(field) ? (field as FieldName) : null;
}

function LineRow({ name, onRemove }: { name: number; onRemove: () => void }) {
  const { t } = useTranslation('deals');
  const form = Form.useFormInstance<DealFields>();
  const productId = Form.useWatch(['lines', name, 'productId'], form);
  return (
    <Row gutter={8} align="top" className="deal-line">
      <Col xs={24} md={7}>
        <Form.Item name={[name, 'productId']} label={t('lines.catalogue')}>
          <ProductSelect
            onPicked={(product) =>
              form.setFieldValue(['lines', name], { ...form.getFieldValue(['lines', name]), productId: product?.id, product: product?.name, unitPrice: product?.listPrice, unitCost: product?.cost })
            }
          />
        </Form.Item>
        {!productId && (
          <Form.Item name={[name, 'product']} rules={[{ required: true, whitespace: true, message: t('form.productRequired') }]}>
            <Input placeholder={t('lines.typedProduct')} aria-label={t('lines.typedProduct')} maxLength={maxLengths.DealLineInput.product} />
          </Form.Item>
        )}
      </Col>
      <Col xs={12} md={3}>
        <Form.Item name={[name, 'quantity']} label={t('lines.quantity')} rules={[{ required: true, message: t('form.quantityRequired') }]}>
          <InputNumber min={0.001} precision={3} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={[name, 'unitPrice']} label={t('lines.unitPrice')} rules={[{ required: !productId, message: t('form.unitPriceRequired') }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={3}>
        <Form.Item name={[name, 'discountPercent']} label={t('lines.discount')}>
          <InputNumber min={0} max={100} precision={2} addonAfter="%" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={10} md={4}>
        <Form.Item name={[name, 'unitCost']} label={t('lines.unitCost')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={2} md={1}>
        <Button type="text" danger icon={<MinusCircleOutlined />} aria-label={t('form.removeLine')} onClick={onRemove} style={{ marginTop: 30 }} />
      </Col>
    </Row>
  );
}

/** The catalogue, searched on the server as the user types. */
function ProductSelect({ value, onChange, onPicked }: { value?: string; onChange?: (id: string | undefined) => void; onPicked: (product: ProductDto | undefined) => void }) {
  const { t } = useTranslation('deals');
  const [typed, setTyped] = useState('');
  const products = useProducts(typed);
  const items = products.data?.items ?? [];
  return (
    <Select<string>
      allowClear
      showSearch
      filterOption={false}
      value={value}
      placeholder={t('lines.pickProduct')}
      aria-label={t('lines.catalogue')}
      loading={products.isFetching}
      onSearch={setTyped}
      onChange={(id) => {
        onChange?.(id);
        onPicked(items.find((p) => p.id === id));
      }}
      options={items.map((p) => ({ value: p.id, label: [p.name, p.spec].filter(Boolean).join(' · ') }))}
    />
  );
}
