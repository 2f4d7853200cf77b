import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, List, Modal, Space, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintCauseDto, NewCauseInput } from '../../api/generated/complaints-client';
import { maxLengths } from '../../api/generated/limits';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useCauses, useKeepCauses } from './api';
import { showProblem } from './formProblems';

/** 原因分类: the root-cause categories, kept by service staff, directors and admins; one in use is retired, never removed. */
export function CausesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('complaints');
  const causes = useCauses();
  const { add, change } = useKeepCauses();
  const [form] = Form.useForm<NewCauseInput>();
  const message = useMessage();
  const limits = maxLengths.NewCauseInput;
  const saved = () => void message.success(t('causes.saved'));
  const rename = (cause: ComplaintCauseDto, input: Partial<Pick<ComplaintCauseDto, 'name' | 'englishName' | 'active'>>) =>
    change.mutate(
      { key: cause.key, input: { name: cause.name, englishName: cause.englishName, active: cause.active, ...input } },
      { onSuccess: saved, onError: (error) => void message.error(problemMessage(error, t)) },
    );
  return (
    <Modal open width={720} title={t('causes.title')} footer={null} onCancel={onClose}>
      <List<ComplaintCauseDto>
        loading={causes.isLoading}
        dataSource={causes.data ?? []}
        renderItem={(cause) => (
          <List.Item
            data-testid={`cause-${cause.key}`}
            actions={[<Switch key="active" checked={cause.active} checkedChildren={t('causes.active')} unCheckedChildren={t('causes.retired')} onChange={(active) => rename(cause, { active })} />]}
          >
            <Space wrap>
              <Tag bordered={false}>{cause.key}</Tag>
              <Input
                aria-label={t('causes.name')}
                defaultValue={cause.name}
                maxLength={limits.name}
                style={{ width: 160 }}
                onBlur={(e) => e.target.value.trim() && e.target.value.trim() !== cause.name && rename(cause, { name: e.target.value.trim() })}
              />
              <Input
                aria-label={t('causes.englishName')}
                defaultValue={cause.englishName}
                maxLength={limits.englishName}
                style={{ width: 180 }}
                onBlur={(e) => e.target.value.trim() && e.target.value.trim() !== cause.englishName && rename(cause, { englishName: e.target.value.trim() })}
              />
            </Space>
          </List.Item>
        )}
      />
      <Form<NewCauseInput>
        form={form}
        layout="inline"
        style={{ marginTop: 16 }}
        onFinish={(input) =>
          add.mutate(input, {
            onSuccess: () => {
              form.resetFields();
              saved();
            },
            onError: (error) => showProblem(form, error, ['key', 'name', 'englishName'], message, t),
          })
        }
      >
        <Form.Item name="key" rules={[{ required: true, pattern: /^[a-zA-Z][a-zA-Z0-9]*$/, message: t('causes.keyRule') }]}>
          <Input aria-label={t('causes.key')} placeholder={t('causes.key')} maxLength={limits.key} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true, whitespace: true }]}>
          <Input aria-label={t('causes.name')} placeholder={t('causes.name')} maxLength={limits.name} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="englishName" rules={[{ required: true, whitespace: true }]}>
          <Input aria-label={t('causes.englishName')} placeholder={t('causes.englishName')} maxLength={limits.englishName} style={{ width: 150 }} />
        </Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
          {t('causes.add')}
        </Button>
      </Form>
    </Modal>
  );
}
