import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PipelineDto, type PipelineStageInput, StagePhase } from '../../api/generated/deals-client';
import { maxLengths } from '../../api/generated/limits';
import { hasStatus, toProblem } from '../../api/problems';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError, PageLoading } from '../../shared/ui/PageStates';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useChangePipeline, usePipeline } from './api';

interface StageRow extends PipelineStageInput {
  /** Whether the stage exists already: its key is then fixed (deals name it). */
  saved: boolean;
}

/** 阶段设置 (admins): the pipeline's stages in order, their names in both languages, probabilities and phases. */
export default function PipelinePage() {
  const pipeline = usePipeline();
  if (pipeline.isPending) {
    return <PageLoading />;
  }
  if (pipeline.isError) {
    return <PageError error={pipeline.error} onRetry={() => void pipeline.refetch()} />;
  }
  return <PipelineForm key={pipeline.data.version} pipeline={pipeline.data} />;
}

function PipelineForm({ pipeline }: { pipeline: PipelineDto }) {
  const { t } = useTranslation('deals');
  const [form] = Form.useForm<{ stages: StageRow[] }>();
  const change = useChangePipeline(pipeline);
  const message = useMessage();
  const [problem, setProblem] = useState<string>();
  const limits = maxLengths.PipelineStageInput;

  const save = ({ stages }: { stages: StageRow[] }) => {
    setProblem(undefined);
    change.mutate(
      stages.map(({ key, name, englishName, probability, phase }) => ({ key: key.trim(), name: name.trim(), englishName: englishName.trim(), probability, phase })),
      {
        onSuccess: () => void message.success(t('pipeline.saved')),
        onError: (error) => {
          const fieldErrors = Object.entries(toProblem(error).errors);
          form.setFields(
            fieldErrors.flatMap(([field, errors]) => {
              const match = /^stages\[(\d+)\]\.(key|name|englishName|probability|phase)$/.exec(field);
              return match ? [{ name: ['stages', Number(match[1]), match[2] as keyof StageRow], errors }] : [];
            }),
          );
          setProblem(hasStatus(error, 412) ? t('pipeline.changedElsewhere') : problemMessage(error, t));
        },
      },
    );
  };

  return (
    <div className="page pipeline-page">
      <PageHeader title={t('pipeline.title')} subtitle={t('pipeline.subtitle')} />
      {problem && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={problem} />}
      <Form form={form} layout="vertical" initialValues={{ stages: pipeline.stages.map((s) => ({ ...s, saved: true })) }} onFinish={save}>
        <Form.List name="stages">
          {(rows, { add, remove, move }) => (
            <Card size="small">
              {rows.map(({ key, name }, index) => (
                <StageFields key={key} name={name} limits={limits} first={index === 0} last={index === rows.length - 1} onUp={() => move(index, index - 1)} onDown={() => move(index, index + 1)} onRemove={() => remove(name)} />
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  // A new stage is an open one, so it goes in front of the won stages.
                  const stages = form.getFieldValue('stages') as StageRow[];
                  const firstWon = stages.findIndex((s) => s.phase === StagePhase.Won);
                  add({ key: '', name: '', englishName: '', probability: 50, phase: StagePhase.Open, saved: false }, firstWon < 0 ? stages.length : firstWon);
                }}
              >
                {t('pipeline.add')}
              </Button>
            </Card>
          )}
        </Form.List>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('common.save')}
          </Button>
          <Typography.Text type="secondary">{t('pipeline.help')}</Typography.Text>
        </Space>
      </Form>
    </div>
  );
}

interface StageFieldsProps {
  name: number;
  limits: typeof maxLengths.PipelineStageInput;
  first: boolean;
  last: boolean;
  onUp: () => void;
  onDown: () => void;
  onRemove: () => void;
}

function StageFields({ name, limits, first, last, onUp, onDown, onRemove }: StageFieldsProps) {
  const { t } = useTranslation('deals');
  const saved = Form.useWatch(['stages', name, 'saved']) as boolean | undefined;
  return (
    <Space wrap align="start" className="pipeline-stage">
      <Form.Item name={[name, 'key']} label={t('pipeline.key')} rules={[{ required: true, pattern: /^[a-z][a-zA-Z0-9]*$/, message: t('pipeline.keyRule') }]}>
        <Input disabled={saved} maxLength={limits.key} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name={[name, 'name']} label={t('pipeline.name')} rules={[{ required: true, whitespace: true, message: t('pipeline.nameRequired') }]}>
        <Input maxLength={limits.name} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name={[name, 'englishName']} label={t('pipeline.englishName')} rules={[{ required: true, whitespace: true, message: t('pipeline.nameRequired') }]}>
        <Input maxLength={limits.englishName} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name={[name, 'probability']} label={t('fields.probability')} rules={[{ required: true, message: t('pipeline.probabilityRequired') }]}>
        <InputNumber min={0} max={100} precision={0} addonAfter="%" style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name={[name, 'phase']} label={t('pipeline.phase')}>
        <Select style={{ width: 110 }} options={Object.values(StagePhase).map((p) => ({ value: p, label: t(`pipeline.phases.${p}`) }))} />
      </Form.Item>
      <Space style={{ marginTop: 30 }}>
        <Button size="small" icon={<ArrowUpOutlined />} disabled={first} aria-label={t('pipeline.up')} onClick={onUp} />
        <Button size="small" icon={<ArrowDownOutlined />} disabled={last} aria-label={t('pipeline.down')} onClick={onDown} />
        <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('pipeline.remove')} onClick={onRemove} />
      </Space>
    </Space>
  );
}
