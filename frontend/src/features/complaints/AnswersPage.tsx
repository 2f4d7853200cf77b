import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, List, Modal, Select, Space, Spin, Switch, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StandardAnswerDto, StandardAnswerInput } from '../../api/generated/complaints-client';
import { maxLengths } from '../../api/generated/limits';
import { hasStatus } from '../../api/problems';
import { useSession } from '../../app/auth/session';
import { formatDateTime } from '../../shared/format';
import { useDebounced } from '../../shared/useDebounced';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError } from '../../shared/ui/PageStates';
import { useMessage } from '../../shared/ui/feedback';
import { useAnswerEditions, useAnswers, useCauses, useSaveAnswer } from './api';
import { ComplaintsNav } from './ComplaintsNav';
import { showProblem } from './formProblems';
import { causeLabel } from './labels';

/** Who keeps the standard answers (the server decides; this only hides what would answer 403). */
const editorRoles = ['Service', 'Manager', 'Director', 'Admin'];

/** A search box and the answers it finds, most used first: the knowledge base's page and the picker on a complaint share it. */
export function AnswerSearch({ activeOnly, actions }: { activeOnly: boolean; actions: (answer: StandardAnswerDto) => ReactNode }) {
  const { t, i18n } = useTranslation('complaints');
  const [typed, setTyped] = useState('');
  const [cause, setCause] = useState<string>();
  const q = useDebounced(typed.trim(), 250);
  const answers = useAnswers({ q, cause, active: activeOnly ? true : undefined });
  const causes = useCauses();
  return (
    <>
      <div className="filters">
        <Input.Search allowClear aria-label={t('answers.search')} placeholder={t('answers.search')} style={{ maxWidth: 420 }} value={typed} onChange={(e) => setTyped(e.target.value)} />
        <Select<string>
          allowClear
          aria-label={t('answers.cause')}
          placeholder={t('answers.cause')}
          style={{ width: 180 }}
          value={cause}
          onChange={setCause}
          options={(causes.data ?? []).map((c) => ({ value: c.key, label: causeLabel(c, i18n.language) }))}
        />
      </div>
      {answers.isError ? (
        <PageError error={answers.error} onRetry={() => void answers.refetch()} />
      ) : (
        <Spin spinning={answers.isFetching}>
          <List<StandardAnswerDto>
            className="answer-list"
            dataSource={answers.data ?? []}
            locale={{ emptyText: answers.isLoading ? ' ' : <Empty description={t('answers.none')} /> }}
            renderItem={(answer) => <AnswerItem answer={answer} actions={actions(answer)} cause={causes.data?.find((c) => c.key === answer.causeKey)} />}
          />
        </Spin>
      )}
    </>
  );
}

interface AnswerItemProps {
  answer: StandardAnswerDto;
  actions: ReactNode;
  cause?: { name: string; englishName: string };
}

function AnswerItem({ answer, actions, cause }: AnswerItemProps) {
  const { t, i18n } = useTranslation('complaints');
  return (
    <List.Item className="answer-item" data-testid={`answer-${answer.id}`} actions={[actions]}>
      <List.Item.Meta
        title={
          <Space wrap>
            <strong>{answer.question}</strong>
            {answer.product && <Tag bordered={false}>{answer.product}</Tag>}
            {cause && <Tag color="blue" bordered={false}>{causeLabel(cause, i18n.language)}</Tag>}
            {!answer.active && <Tag color="default">{t('answers.retired')}</Tag>}
          </Space>
        }
        description={
          <>
            <p className="answer-item__text">{answer.answer}</p>
            <span className="muted">
              {t('answers.usage', { count: answer.usageCount })} · {t('answers.edition', { edition: answer.edition })} ·{' '}
              {t('answers.updated', { name: answer.updatedByName ?? t('common.dash'), time: formatDateTime(answer.updatedAt, i18n.language) })}
            </span>
          </>
        }
      />
    </List.Item>
  );
}

/** 标准回答: what customers ask and the one answer everybody gives (口径一致); service staff and managers keep it in editions. */
export default function AnswersPage() {
  const { t } = useTranslation('complaints');
  const { data: me } = useSession();
  const editor = editorRoles.includes(me?.role ?? '');
  const [editing, setEditing] = useState<StandardAnswerDto | 'new'>();
  const [history, setHistory] = useState<StandardAnswerDto>();
  return (
    <div className="page complaints-answers">
      <PageHeader
        title={t('answers.title')}
        subtitle={t('answers.subtitle')}
        actions={
          editor && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('answers.create')}
            </Button>
          )
        }
      />
      <ComplaintsNav />
      <Card style={{ marginTop: 16 }}>
        <AnswerSearch
          activeOnly={!editor}
          actions={(answer) => (
            <Space>
              <Button size="small" icon={<HistoryOutlined />} onClick={() => setHistory(answer)}>
                {t('answers.editions')}
              </Button>
              {editor && (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(answer)}>
                  {t('answers.edit')}
                </Button>
              )}
            </Space>
          )}
        />
      </Card>
      {editing && <AnswerEditor answer={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
      {history && <EditionsDialog answer={history} onClose={() => setHistory(undefined)} />}
    </div>
  );
}

const answerFields = ['question', 'answer', 'product', 'causeKey', 'active'] as const;

function AnswerEditor({ answer, onClose }: { answer?: StandardAnswerDto; onClose: () => void }) {
  const { t, i18n } = useTranslation('complaints');
  const [form] = Form.useForm<StandardAnswerInput>();
  const save = useSaveAnswer(answer);
  const causes = useCauses();
  const message = useMessage();
  const limits = maxLengths.StandardAnswerInput;
  const finish = (values: StandardAnswerInput) =>
    save.mutate(
      { ...values, product: values.product || undefined, causeKey: values.causeKey || undefined },
      {
        onSuccess: () => {
          void message.success(t('answers.saved'));
          onClose();
        },
        onError: (error) => {
          if (hasStatus(error, 412)) {
            void message.warning(t('answers.stale'));
            onClose();
          } else {
            showProblem(form, error, answerFields, message, t);
          }
        },
      },
    );
  return (
    <Modal
      open
      width={680}
      title={answer ? t('answers.edit') : t('answers.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<StandardAnswerInput>
        form={form}
        layout="vertical"
        initialValues={answer ? { question: answer.question, answer: answer.answer, product: answer.product, causeKey: answer.causeKey, active: answer.active } : { active: true }}
        onFinish={finish}
      >
        <Form.Item name="question" label={t('answers.question')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={limits.question} />
        </Form.Item>
        <Form.Item name="answer" label={t('answers.answer')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={5} maxLength={limits.answer} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="product" label={t('answers.product')}>
            <Input maxLength={limits.product} />
          </Form.Item>
          <Form.Item name="causeKey" label={t('answers.cause')}>
            <Select
              allowClear
              aria-label={t('answers.cause')}
              style={{ width: 180 }}
              options={(causes.data ?? []).filter((c) => c.active || c.key === answer?.causeKey).map((c) => ({ value: c.key, label: causeLabel(c, i18n.language) }))}
            />
          </Form.Item>
          <Form.Item name="active" label={t('answers.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function EditionsDialog({ answer, onClose }: { answer: StandardAnswerDto; onClose: () => void }) {
  const { t, i18n } = useTranslation('complaints');
  const editions = useAnswerEditions(answer.id);
  return (
    <Modal open width={680} title={`${t('answers.editions')} · ${answer.question}`} footer={null} onCancel={onClose}>
      {editions.isError ? (
        <PageError error={editions.error} onRetry={() => void editions.refetch()} />
      ) : (
        <List
          loading={editions.isLoading}
          dataSource={editions.data ?? []}
          renderItem={(edition) => (
            <List.Item>
              <List.Item.Meta
                title={`${t('answers.edition', { edition: edition.edition })} · ${edition.question}`}
                description={
                  <>
                    <p className="answer-item__text">{edition.answer}</p>
                    <span className="muted">{t('answers.updated', { name: edition.byName ?? t('common.dash'), time: formatDateTime(edition.at, i18n.language) })}</span>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
