import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Input, InputNumber, List, Modal, Popconfirm, Select, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type KeyDateDto, type KeyDateInput, KeyDateKind } from '../../../api/generated/customers-client';
import { maxLengths } from '../../../api/generated/limits';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useAddKeyDate, useKeyDates, useRemoveKeyDate } from './cardApi';

const months = Array.from({ length: 12 }, (_, i) => i + 1);

/** Birthdays, the company's anniversary and the days the rep names: when to send greetings or call. */
export function KeyDatesPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customers');
  const keyDates = useKeyDates(customerId);
  const remove = useRemoveKeyDate(customerId);
  const [adding, setAdding] = useState(false);

  const describe = (keyDate: KeyDateDto) =>
    t('card.keyDateText', { month: String(keyDate.month), day: String(keyDate.day) }) + (keyDate.year ? t('card.keyDateSince', { year: String(keyDate.year) }) : '');

  return (
    <Card
      title={t('card.keyDatesTitle')}
      size="small"
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('card.addKeyDate')}
        </Button>
      }
    >
      {remove.isError && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={problemMessage(remove.error, t)} />}
      {keyDates.isPending ? (
        <Spin />
      ) : keyDates.isError ? (
        <Alert type="error" showIcon message={problemMessage(keyDates.error, t)} />
      ) : keyDates.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('card.keyDatesEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={keyDates.data}
          renderItem={(keyDate) => (
            <List.Item
              key={keyDate.id}
              actions={[
                <Popconfirm key="remove" title={t('card.removeKeyDate')} okText={t('card.remove')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(keyDate.id)}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('card.remove')} />
                </Popconfirm>,
              ]}
            >
              <Tag bordered={false} color="magenta">
                {keyDate.label ?? t(`keyDateKinds.${keyDate.kind}`)}
              </Tag>
              {describe(keyDate)}
            </List.Item>
          )}
        />
      )}
      {adding && <KeyDateDialog customerId={customerId} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function KeyDateDialog({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation('customers');
  const [form] = Form.useForm<KeyDateInput>();
  const kind = Form.useWatch('kind', form);
  const add = useAddKeyDate(customerId);

  return (
    <Modal
      open
      title={t('card.addKeyDate')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {add.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problemMessage(add.error, t)} />}
      <Form<KeyDateInput>
        form={form}
        layout="vertical"
        initialValues={{ kind: KeyDateKind.Birthday, month: 1, day: 1 }}
        onFinish={(fields) => add.mutate({ ...fields, label: fields.label?.trim() || undefined, year: fields.year ?? undefined }, { onSuccess: onClose })}
      >
        <Form.Item name="kind" label={t('card.keyDateKind')}>
          <Select options={Object.values(KeyDateKind).map((k) => ({ value: k, label: t(`keyDateKinds.${k}`) }))} />
        </Form.Item>
        {kind === KeyDateKind.Custom && (
          <Form.Item name="label" label={t('card.keyDateLabel')} rules={[{ required: true, whitespace: true, message: t('card.keyDateLabelRequired') }]}>
            <Input maxLength={maxLengths.KeyDateInput.label} />
          </Form.Item>
        )}
        <Form.Item name="month" label={t('card.keyDateMonth')}>
          <Select options={months.map((m) => ({ value: m, label: String(m) }))} />
        </Form.Item>
        <Form.Item name="day" label={t('card.keyDateDay')}>
          <InputNumber min={1} max={31} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="year" label={t('card.keyDateYear')}>
          <InputNumber min={1900} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
