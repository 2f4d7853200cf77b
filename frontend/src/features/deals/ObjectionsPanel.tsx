import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, List, Modal, Select, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Objection, type DealDto } from '../../api/generated/deals-client';
import { maxLengths } from '../../api/generated/limits';
import { formatDateTime } from '../../shared/format';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useDealObjections, useRecordObjection, useScripts } from './api';
import { scriptText } from './objections';

/** The refusals met on a deal (面对拒绝), the script each was answered with, and whether it worked: what scores the library. */
export function ObjectionsPanel({ deal }: { deal: DealDto }) {
  const { t, i18n } = useTranslation('deals');
  const met = useDealObjections(deal.id);
  const scripts = useScripts('');
  const [recording, setRecording] = useState(false);
  const textOf = (id: string | undefined) => {
    const script = scripts.data?.find((s) => s.id === id);
    return script && scriptText(script, i18n.language);
  };
  return (
    <Card
      size="small"
      title={t('objections.met')}
      style={{ marginTop: 16 }}
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
          {t('objections.record')}
        </Button>
      }
    >
      <List
        size="small"
        loading={met.isLoading}
        locale={{ emptyText: t('objections.noneMet') }}
        dataSource={met.data}
        renderItem={(o) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  “{t(`objections.kinds.${o.objection}`)}” <Tag color={o.worked ? 'success' : 'default'}>{o.worked ? t('objections.worked') : t('objections.didNotWork')}</Tag>
                </>
              }
              description={
                <>
                  {o.scriptId && <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>{textOf(o.scriptId)}</Typography.Paragraph>}
                  {o.note && <div>{o.note}</div>}
                  <Typography.Text type="secondary">{formatDateTime(o.recordedAt, i18n.language)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      {recording && <RecordDialog deal={deal} onClose={() => setRecording(false)} />}
    </Card>
  );
}

function RecordDialog({ deal, onClose }: { deal: DealDto; onClose: () => void }) {
  const { t, i18n } = useTranslation('deals');
  const [form] = Form.useForm<{ objection: Objection; scriptId?: string; worked: boolean; note?: string }>();
  const objection = Form.useWatch('objection', form);
  const scripts = useScripts('', objection);
  const record = useRecordObjection(deal.id);
  const message = useMessage();
  return (
    <Modal open width={600} title={t('objections.recordTitle', { title: deal.title })} okText={t('objections.record')} cancelText={t('common.cancel')} confirmLoading={record.isPending} onCancel={onClose} onOk={() => form.submit()}>
      {record.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problemMessage(record.error, t)} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ worked: true }}
        onFinish={(fields) =>
          record.mutate(
            { objection: fields.objection, scriptId: fields.scriptId, worked: fields.worked, note: fields.note?.trim() || undefined },
            {
              onSuccess: () => {
                void message.success(t('objections.recorded'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="objection" label={t('objections.objection')} rules={[{ required: true, message: t('objections.objectionRequired') }]}>
          <Select
            onChange={() => form.setFieldValue('scriptId', undefined)}
            options={Object.values(Objection).map((o) => ({ value: o, label: t(`objections.kinds.${o}`) }))}
          />
        </Form.Item>
        <Form.Item name="scriptId" label={t('objections.scriptUsed')}>
          <Select
            allowClear
            disabled={!objection}
            loading={scripts.isFetching}
            options={(objection ? (scripts.data ?? []) : []).map((s) => ({
              value: s.id,
              label: `${t(`objections.audiences.${s.audience}`)} · ${scriptText(s, i18n.language).slice(0, 40)}…`,
            }))}
          />
        </Form.Item>
        <Form.Item name="worked" label={t('objections.didItWork')} valuePropName="checked">
          <Switch checkedChildren={t('objections.worked')} unCheckedChildren={t('objections.didNotWork')} />
        </Form.Item>
        <Form.Item name="note" label={t('collections.note')}>
          <Input.TextArea rows={2} maxLength={maxLengths.DealObjectionInput.note} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
