import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Input, Modal, Popconfirm, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Objection, ObjectionAudience, type ObjectionScriptDto } from '../../api/generated/deals-client';
import { maxLengths } from '../../api/generated/limits';
import { hasStatus } from '../../api/problems';
import { useSession } from '../../app/auth/session';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError } from '../../shared/ui/PageStates';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useArchiveScript, useSaveScript, useScripts } from './api';
import { scriptText } from './objections';
import { keeperRoles } from './roles';

/** 面对拒绝: the seven refusals with their scripts for each audience; reps search it, managers keep it, deals score it. */
export default function ScriptsPage() {
  const { t, i18n } = useTranslation('deals');
  const [q, setQ] = useState('');
  const [objection, setObjection] = useState<Objection>();
  const scripts = useScripts(q, objection);
  const { data: me } = useSession();
  const keeps = !!me && keeperRoles.includes(me.role);
  const [editing, setEditing] = useState<ObjectionScriptDto | 'new'>();
  const archive = useArchiveScript();
  const message = useMessage();
  const groups = Object.values(Objection)
    .map((o) => ({ objection: o, scripts: (scripts.data ?? []).filter((s) => s.objection === o) }))
    .filter((g) => g.scripts.length > 0);

  return (
    <div className="page scripts-page">
      <PageHeader
        title={t('objections.title')}
        subtitle={t('objections.subtitle')}
        actions={
          keeps && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('objections.create')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('objections.search')} aria-label={t('objections.search')} onSearch={setQ} style={{ width: 280 }} />
        <Select<Objection>
          allowClear
          placeholder={t('objections.allObjections')}
          aria-label={t('objections.objection')}
          value={objection}
          onChange={setObjection}
          style={{ width: 260 }}
          options={Object.values(Objection).map((o) => ({ value: o, label: t(`objections.kinds.${o}`) }))}
        />
      </Space>
      {scripts.isError ? (
        <PageError error={scripts.error} onRetry={() => void scripts.refetch()} />
      ) : groups.length === 0 && !scripts.isFetching ? (
        <Empty description={t('objections.noMatch')} />
      ) : (
        groups.map((group) => (
          <Card key={group.objection} size="small" title={`“${t(`objections.kinds.${group.objection}`)}”`} style={{ marginBottom: 16 }} loading={scripts.isLoading}>
            {group.scripts.map((script) => (
              <div key={script.id} className="objection-script" style={{ marginBottom: 12 }}>
                <Space wrap size="small">
                  <Tag color={script.audience === ObjectionAudience.Executive ? 'purple' : 'blue'}>{t(`objections.audiences.${script.audience}`)}</Tag>
                  <Tag bordered={false}>
                    {script.successRate == null
                      ? t('objections.unused')
                      : t('objections.rate', { rate: String(script.successRate), worked: String(script.worked), uses: String(script.uses) })}
                  </Tag>
                  {keeps && (
                    <>
                      <Typography.Link onClick={() => setEditing(script)}>{t('edit')}</Typography.Link>
                      <Popconfirm
                        title={t('objections.archiveTitle')}
                        okText={t('objections.archive')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => archive.mutate(script, { onSuccess: () => void message.success(t('objections.archived')), onError: (e) => void message.error(problemMessage(e, t)) })}
                      >
                        <Typography.Link type="danger">{t('objections.archive')}</Typography.Link>
                      </Popconfirm>
                    </>
                  )}
                </Space>
                <Typography.Paragraph style={{ marginTop: 6, marginBottom: 0 }}>{scriptText(script, i18n.language)}</Typography.Paragraph>
              </div>
            ))}
          </Card>
        ))
      )}
      {editing && <ScriptDialog script={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
    </div>
  );
}

function ScriptDialog({ script, onClose }: { script: ObjectionScriptDto | undefined; onClose: () => void }) {
  const { t } = useTranslation('deals');
  const [form] = Form.useForm<{ objection: Objection; audience: ObjectionAudience; text: string; englishText: string }>();
  const save = useSaveScript(script);
  const message = useMessage();
  const limits = maxLengths.ObjectionScriptInput;
  return (
    <Modal open width={640} title={script ? t('objections.editTitle') : t('objections.create')} okText={t('targets.save')} cancelText={t('common.cancel')} confirmLoading={save.isPending} onCancel={onClose} onOk={() => form.submit()}>
      {save.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={hasStatus(save.error, 412) ? t('objections.changedElsewhere') : problemMessage(save.error, t)} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={script ?? { objection: Objection.SendMaterial, audience: ObjectionAudience.MiddleManager }}
        onFinish={(fields) =>
          save.mutate(fields, {
            onSuccess: () => {
              void message.success(t('objections.saved'));
              onClose();
            },
          })
        }
      >
        <Form.Item name="objection" label={t('objections.objection')}>
          <Select options={Object.values(Objection).map((o) => ({ value: o, label: t(`objections.kinds.${o}`) }))} />
        </Form.Item>
        <Form.Item name="audience" label={t('objections.audience')}>
          <Segmented<ObjectionAudience> options={Object.values(ObjectionAudience).map((a) => ({ value: a, label: t(`objections.audiences.${a}`) }))} />
        </Form.Item>
        <Form.Item name="text" label={t('objections.text')} rules={[{ required: true, whitespace: true, message: t('objections.textRequired') }]}>
          <Input.TextArea rows={4} maxLength={limits.text} />
        </Form.Item>
        <Form.Item name="englishText" label={t('objections.englishText')} rules={[{ required: true, whitespace: true, message: t('objections.textRequired') }]}>
          <Input.TextArea rows={4} maxLength={limits.englishText} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
