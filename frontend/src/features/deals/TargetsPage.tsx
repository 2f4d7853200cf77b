import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Popconfirm, Progress, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TargetDto, TargetKind, TargetLevel, TargetState } from '../../api/generated/deals-client';
import { useSession } from '../../app/auth/session';
import { formatMoney, todayInChina } from '../../shared/format';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError } from '../../shared/ui/PageStates';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useRemoveTarget, useTarget, useTargets } from './api';
import { PeriodLabel } from './PeriodLabel';
import { keeperRoles } from './roles';
import { SplitTargetDialog, TargetFormDialog } from './TargetDialogs';
import { canSplit, isCounted } from './targets';

/** 销售目标: the targets at the top of what the caller sees, each opening onto its split, with actual against target and the run-rate. */
export default function TargetsPage() {
  const { t } = useTranslation('deals');
  const thisYear = Number(todayInChina().slice(0, 4));
  const [kind, setKind] = useState<TargetKind>(TargetKind.Revenue);
  const [year, setYear] = useState(thisYear);
  const targets = useTargets(kind, year);
  const { data: me } = useSession();
  const sets = !!me && keeperRoles.includes(me.role);
  const [creating, setCreating] = useState(false);
  const [splitting, setSplitting] = useState<TargetDto>();

  return (
    <div className="page targets-page">
      <PageHeader
        title={t('targets.title')}
        subtitle={t('targets.subtitle')}
        actions={
          sets && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('targets.create')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<TargetKind> value={kind} onChange={setKind} options={Object.values(TargetKind).map((k) => ({ value: k, label: t(`targets.kinds.${k}`) }))} />
        <Select<number>
          aria-label={t('targets.year')}
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: t('targets.yearLabel', { year: String(y) }) }))}
        />
      </Space>
      {targets.isError ? (
        <PageError error={targets.error} onRetry={() => void targets.refetch()} />
      ) : (
        <TargetTable targets={targets.data?.items} loading={targets.isFetching} onSplit={setSplitting} empty={t(sets ? 'targets.emptySetter' : 'targets.empty')} />
      )}
      {creating && <TargetFormDialog kind={kind} year={year} onClose={() => setCreating(false)} />}
      {splitting && <SplitTargetDialog target={splitting} onClose={() => setSplitting(undefined)} />}
    </div>
  );
}

interface TableProps {
  targets: TargetDto[] | undefined;
  loading: boolean;
  onSplit: (target: TargetDto) => void;
  empty?: string;
}

/** Targets as rows; a split target opens onto its children, which open onto theirs. */
function TargetTable({ targets, loading, onSplit, empty }: TableProps) {
  const { t } = useTranslation('deals');
  const remove = useRemoveTarget();
  const message = useMessage();
  return (
    <Table<TargetDto>
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={targets}
      locale={{ emptyText: <Empty description={empty ?? t('targets.noChildren')} /> }}
      expandable={{
        // A target's `children` is how many it has, not rows to nest: antd would read the field as tree data.
        childrenColumnName: 'nestedRows',
        rowExpandable: (target) => target.children > 0,
        expandedRowRender: (target) => <TargetChildren id={target.id} onSplit={onSplit} />,
      }}
      columns={[
        { title: t('targets.subject'), render: (_, target) => <Subject target={target} /> },
        { title: t('targets.period'), render: (_, target) => <PeriodLabel target={target} /> },
        { title: t('targets.amount'), align: 'right', render: (_, target) => <Amount target={target} value={target.amount} /> },
        { title: t('targets.progress'), width: 260, render: (_, target) => <TargetProgress target={target} /> },
        {
          title: t('targets.forecast'),
          align: 'right',
          render: (_, target) => (target.progress.forecast == null ? t('common.dash') : <Amount target={target} value={target.progress.forecast} />),
        },
        {
          title: t('products.actions'),
          render: (_, target) =>
            target.canChange && (canSplit(target) || !target.parentId) && (
              <Space size="small">
                {canSplit(target) && <Typography.Link onClick={() => onSplit(target)}>{t('targets.split')}</Typography.Link>}
                {!target.parentId && (
                  <Popconfirm
                    title={t('targets.removeTitle')}
                    okText={t('targets.remove')}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      remove.mutate(target, { onSuccess: () => void message.success(t('targets.removed')), onError: (error) => void message.error(problemMessage(error, t)) })
                    }
                  >
                    <Typography.Link type="danger">{t('targets.remove')}</Typography.Link>
                  </Popconfirm>
                )}
              </Space>
            ),
        },
      ]}
    />
  );
}

function TargetChildren({ id, onSplit }: { id: string; onSplit: (target: TargetDto) => void }) {
  const tree = useTarget(id);
  if (tree.isError) {
    return <PageError error={tree.error} onRetry={() => void tree.refetch()} />;
  }
  return <TargetTable targets={tree.data?.children} loading={tree.isFetching} onSplit={onSplit} />;
}

function Subject({ target }: { target: TargetDto }) {
  const { t } = useTranslation('deals');
  return (
    <Space size={4}>
      <Tag bordered={false}>{t(`targets.levels.${target.level}`)}</Tag>
      {target.level === TargetLevel.Company ? t('targets.company') : (target.subjectName ?? t('common.dash'))}
      {target.productCategory && <Tag color="blue">{target.productCategory}</Tag>}
    </Space>
  );
}

function Amount({ target, value }: { target: TargetDto; value: number }) {
  const { t, i18n } = useTranslation('deals');
  return isCounted(target.kind) ? t('targets.customers', { n: String(value) }) : formatMoney(value, i18n.language);
}

/** Actual against target as a bar: green once reached, red when the period ended short of it. */
function TargetProgress({ target }: { target: TargetDto }) {
  const { t, i18n } = useTranslation('deals');
  const { progress } = target;
  const achieved = progress.achieved ?? 0;
  const value = isCounted(target.kind) ? String(progress.actual) : formatMoney(progress.actual, i18n.language);
  const status = achieved >= 100 ? 'success' : progress.state === TargetState.Ended ? 'exception' : 'normal';
  return (
    <Tooltip title={t('targets.days', { elapsed: String(progress.daysElapsed), total: String(progress.daysTotal) })}>
      <div className="target-progress" aria-label={t('targets.progressLabel', { actual: value, achieved: String(achieved) })}>
        <Progress percent={Math.min(achieved, 100)} status={status} size="small" format={() => `${achieved}%`} />
        <Typography.Text type="secondary">
          {t('targets.actual', { actual: value })} · {t(`targets.states.${progress.state}`)}
        </Typography.Text>
      </div>
    </Tooltip>
  );
}
