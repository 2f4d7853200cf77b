import { Alert, Button, Card, Descriptions, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomerDto, ValueTier } from '../../../api/generated/customers-client';
import { maxLengths } from '../../../api/generated/limits';
import { useMessage } from '../../../shared/ui/feedback';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { ValueTierTag } from '../ClassificationTags';
import { useOverrideValueTier } from './cardApi';

/** 价值分级: the tier that stands, what the purchases of the window say, and who set it by hand and why. */
export function ValuePanel({ customer }: { customer: CustomerDto }) {
  const { t, i18n } = useTranslation('customers');
  const [adjusting, setAdjusting] = useState(false);
  const value = customer.value;
  const total = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(value?.purchaseTotal ?? 0);

  return (
    <Card
      title={t('value.title')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        <Button size="small" onClick={() => setAdjusting(true)}>
          {t('value.adjust')}
        </Button>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('value.tier')}>
          <ValueTierTag tier={value?.tier} />
        </Descriptions.Item>
        <Descriptions.Item label={t('value.computed')}>
          {value?.computedTier ? t(`valueTiers.${value.computedTier}`) : <Typography.Text type="secondary">{t('value.unratedHelp')}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.purchases', { months: String(value?.windowMonths ?? 12) })}>
          {t('value.purchasesValue', { count: value?.purchaseCount ?? 0, total })}
        </Descriptions.Item>
        {value?.override && <Descriptions.Item label={t('value.override')}>{t(`valueTiers.${value.override}`)}</Descriptions.Item>}
        {value?.overrideReason && <Descriptions.Item label={t('value.overrideReason')}>{value.overrideReason}</Descriptions.Item>}
      </Descriptions>
      {adjusting && <ValueTierDialog customer={customer} onClose={() => setAdjusting(false)} />}
    </Card>
  );
}

interface OverrideFields {
  tier: ValueTier | 'automatic';
  reason: string;
}

function ValueTierDialog({ customer, onClose }: { customer: CustomerDto; onClose: () => void }) {
  const { t } = useTranslation('customers');
  const [form] = Form.useForm<OverrideFields>();
  const override = useOverrideValueTier(customer);
  const message = useMessage();

  return (
    <Modal
      open
      title={t('value.dialogTitle', { name: customer.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={override.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {override.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problemMessage(override.error, t)} />}
      <Form<OverrideFields>
        form={form}
        layout="vertical"
        initialValues={{ tier: customer.value?.override ?? 'automatic' }}
        onFinish={(fields) =>
          override.mutate(
            { tier: fields.tier === 'automatic' ? undefined : fields.tier, reason: fields.reason.trim() },
            {
              onSuccess: () => {
                void message.success(t('value.saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="tier" label={t('value.tier')}>
          <Radio.Group optionType="button">
            {[ValueTier.A, ValueTier.B, ValueTier.C].map((tier) => (
              <Radio.Button key={tier} value={tier}>
                {t(`valueTiers.${tier}`)}
              </Radio.Button>
            ))}
            <Radio.Button value="automatic">{t('value.automatic')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="reason" label={t('value.overrideReason')} rules={[{ required: true, whitespace: true, message: t('value.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={maxLengths.ValueTierOverrideInput.reason} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
