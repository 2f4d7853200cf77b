import { Alert, Button, Form, Input, InputNumber, Modal, Segmented, Select, Space, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TargetDto, TargetKind, TargetLevel, TargetPeriod, TargetSplit } from '../../api/generated/deals-client';
import { maxLengths } from '../../api/generated/limits';
import { hasStatus, toProblem } from '../../api/problems';
import { formatMoney, todayInChina } from '../../shared/format';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { dealKeys, useCreateTarget, useSplitTarget, useTarget, useTargetOrganisation } from './api';
import { childPeriods, evenShares, isCounted, periodStart, periodStarts, subjectsAt, subjectsBelow, sumShares } from './targets';
import { PeriodLabel } from './PeriodLabel';

interface TargetFields {
  kind: TargetKind;
  level: TargetLevel;
  subjectId?: string;
  period: TargetPeriod;
  day: string;
  productCategory?: string;
  amount: number;
}

/** A new target: its kind, whose, over which period (any day of it), and how much. */
export function TargetFormDialog({ kind, year, onClose }: { kind: TargetKind; year: number; onClose: () => void }) {
  const { t } = useTranslation('deals');
  const [form] = Form.useForm<TargetFields>();
  const organisation = useTargetOrganisation(true);
  const create = useCreateTarget();
  const message = useMessage();
  const level = Form.useWatch('level', form) ?? TargetLevel.Company;
  const chosenKind = Form.useWatch('kind', form) ?? kind;
  const thisYear = todayInChina().startsWith(String(year));
  return (
    <Modal open title={t('targets.create')} okText={t('targets.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending} onCancel={onClose} onOk={() => form.submit()}>
      {create.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problemMessage(create.error, t)} />}
      <Form<TargetFields>
        form={form}
        layout="vertical"
        initialValues={{ kind, level: TargetLevel.Company, period: TargetPeriod.Year, day: thisYear ? todayInChina() : `${year}-01-01` }}
        onFinish={(fields) =>
          create.mutate(
            {
              kind: fields.kind,
              level: fields.level,
              subjectId: fields.level === TargetLevel.Company ? undefined : fields.subjectId,
              period: fields.period,
              startsOn: periodStart(fields.period, fields.day),
              productCategory: fields.productCategory?.trim() || undefined,
              amount: fields.amount,
            },
            {
              onSuccess: () => {
                void message.success(t('targets.created'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="kind" label={t('targets.kind')}>
          <Select options={Object.values(TargetKind).map((k) => ({ value: k, label: t(`targets.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="level" label={t('targets.level')}>
          <Segmented<TargetLevel> options={Object.values(TargetLevel).map((l) => ({ value: l, label: t(`targets.levels.${l}`) }))} />
        </Form.Item>
        {level !== TargetLevel.Company && (
          <Form.Item name="subjectId" label={t('targets.subject')} rules={[{ required: true, message: t('targets.subjectRequired') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={organisation.isLoading}
              options={subjectsAt(level, organisation.data).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        )}
        <Space size="large" wrap>
          <Form.Item name="period" label={t('targets.period')}>
            <Select style={{ width: 120 }} options={Object.values(TargetPeriod).map((p) => ({ value: p, label: t(`targets.periodKinds.${p}`) }))} />
          </Form.Item>
          <Form.Item name="day" label={t('targets.anyDayOf')} rules={[{ required: true, message: t('targets.dayRequired') }]}>
            <Input type="date" />
          </Form.Item>
        </Space>
        {(chosenKind === TargetKind.Revenue || chosenKind === TargetKind.GrossMargin) && (
          <Form.Item name="productCategory" label={t('targets.category')} extra={t('targets.categoryHelp')}>
            <Input maxLength={maxLengths.TargetInput.productCategory} />
          </Form.Item>
        )}
        <Form.Item name="amount" label={t('targets.amount')} rules={[{ required: true, message: t('targets.amountRequired') }]}>
          {isCounted(chosenKind) ? <InputNumber min={0} precision={0} style={{ width: 200 }} /> : <InputNumber min={0} precision={2} prefix="¥" style={{ width: 200 }} />}
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ShareRow {
  key: string;
  label: string;
  subjectId?: string;
  startsOn?: string;
  amount?: number | null;
}

/** 目标分解: the target shared out among the level below or over shorter periods; the shares must add up to it exactly. */
export function SplitTargetDialog({ target, onClose }: { target: TargetDto; onClose: () => void }) {
  const { t, i18n } = useTranslation('deals');
  const organisation = useTargetOrganisation(target.level !== TargetLevel.Rep);
  const existing = useTarget(target.id);
  const queryClient = useQueryClient();
  const periods = childPeriods(target.period);
  const children = existing.data?.children ?? [];
  // The split as it stands decides what the dialog opens on: its kind, its period, and (for the company) regions or teams.
  const [chosenBy, setBy] = useState<TargetSplit>();
  const [chosenPeriod, setPeriod] = useState<TargetPeriod>();
  const by = chosenBy ?? existing.data?.target.split ?? (target.level === TargetLevel.Rep ? TargetSplit.Periods : TargetSplit.Subjects);
  const period = chosenPeriod ?? (existing.data?.target.split === TargetSplit.Periods ? children[0]?.period : undefined) ?? periods[periods.length > 1 ? 1 : 0];
  const subjects =
    target.level === TargetLevel.Company && children[0]?.level === TargetLevel.Team ? subjectsAt(TargetLevel.Team, organisation.data) : subjectsBelow(target, organisation.data);
  const [amounts, setAmounts] = useState<Record<string, number | null>>({});
  const [empty, setEmpty] = useState(false);
  const split = useSplitTarget(existing.data?.target ?? target);
  const message = useMessage();
  const counted = isCounted(target.kind);
  const show = (amount: number) => (counted ? String(amount) : formatMoney(amount, i18n.language));

  const rows: ShareRow[] =
    by === TargetSplit.Subjects
      ? subjects.map((s) => ({ key: s.id, label: s.name, subjectId: s.id }))
      : period
        ? periodStarts(period, target.startsOn, target.endsOn).map((day) => ({ key: day, label: day, startsOn: day }))
        : [];
  const amountOf = (row: ShareRow) =>
    row.key in amounts
      ? amounts[row.key]
      : children.find((c) => (row.subjectId ? c.subjectId === row.subjectId : c.startsOn === row.startsOn && c.period === period))?.amount;
  const allocated = sumShares(rows.map(amountOf));
  const left = sumShares([target.amount, -allocated]);
  const shares = rows.filter((r) => amountOf(r) != null);

  const submit = () => {
    // An empty list removes a split: never sent because nothing was typed (or loaded yet).
    if (shares.length === 0) {
      setEmpty(true);
      return;
    }
    split.mutate(
      {
        by,
        period: by === TargetSplit.Periods ? period : undefined,
        children: shares.map((r) => ({ subjectId: r.subjectId, startsOn: r.startsOn, amount: amountOf(r) ?? 0 })),
      },
      {
        onSuccess: () => {
          void message.success(t('targets.splitDone'));
          onClose();
        },
        onError: (error) => {
          if (hasStatus(error, 412)) {
            void queryClient.invalidateQueries({ queryKey: dealKeys.targets() });
          }
        },
      },
    );
  };

  return (
    <Modal
      open
      width={640}
      title={t('targets.splitTitle')}
      okText={t('targets.save')}
      cancelText={t('common.cancel')}
      confirmLoading={split.isPending}
      onCancel={onClose}
      onOk={submit}
    >
      <p>
        <PeriodLabel target={target} /> · {target.subjectName ?? t('targets.company')} · {t(`targets.kinds.${target.kind}`)} {show(target.amount)}
      </p>
      <Space wrap style={{ marginBottom: 12 }}>
        {target.level !== TargetLevel.Rep && periods.length > 0 && (
          <Segmented<TargetSplit>
            value={by}
            onChange={(value) => {
              setBy(value);
              setAmounts({});
              setEmpty(false);
            }}
            options={[
              { value: TargetSplit.Subjects, label: t(`targets.splitBy.${TargetSplit.Subjects}`) },
              { value: TargetSplit.Periods, label: t(`targets.splitBy.${TargetSplit.Periods}`) },
            ]}
          />
        )}
        {by === TargetSplit.Periods && (
          <Select<TargetPeriod>
            aria-label={t('targets.period')}
            value={period}
            onChange={(value) => {
              setPeriod(value);
              setAmounts({});
              setEmpty(false);
            }}
            style={{ width: 120 }}
            options={periods.map((p) => ({ value: p, label: t(`targets.periodKinds.${p}`) }))}
          />
        )}
        <Button onClick={() => setAmounts(Object.fromEntries(evenShares(target.amount, rows.length, counted).map((amount, i) => [rows[i].key, amount])))}>
          {t('targets.even')}
        </Button>
      </Space>
      {empty && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('targets.noShares')} />}
      {split.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            hasStatus(split.error, 412)
              ? t('targets.changedElsewhere')
              : toProblem(split.error).errors.children && allocated !== target.amount
                ? t('targets.doesNotAddUp', { allocated: show(allocated), amount: show(target.amount) })
                : problemMessage(split.error, t)
          }
        />
      )}
      <Table<ShareRow>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ y: 320 }}
        dataSource={rows}
        loading={existing.isLoading || organisation.isLoading}
        columns={[
          { title: by === TargetSplit.Subjects ? t('targets.subject') : t('targets.period'), dataIndex: 'label' },
          {
            title: t('targets.share'),
            align: 'right',
            render: (_, row) => (
              <InputNumber<number>
                aria-label={t('targets.shareOf', { name: row.label })}
                min={0}
                precision={counted ? 0 : 2}
                value={amountOf(row)}
                onChange={(value) => {
                  setAmounts((current) => ({ ...current, [row.key]: value }));
                  setEmpty(false);
                }}
                style={{ width: 180 }}
              />
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }} size="large">
        <Typography.Text>{t('targets.allocated', { amount: show(allocated) })}</Typography.Text>
        <Typography.Text type={left === 0 ? 'success' : 'danger'}>{t('targets.left', { amount: show(left) })}</Typography.Text>
      </Space>
    </Modal>
  );
}
