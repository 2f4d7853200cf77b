import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Attendance, type DailyReportDraftDto, type DailyReportDto, type DailyReportInput, type DayEfficiencyDto, ReportStatus } from '../../api/generated/visits-client';
import { maxLengths } from '../../api/generated/limits';
import { hasStatus } from '../../api/problems';
import { formatDateTime, formatMoney } from '../../shared/format';
import { PageError } from '../../shared/ui/PageStates';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useReport, useReportDraft, useSaveReport } from './api';

type ReportFields = Omit<DailyReportInput, 'day'>;

/** 每日销售报告表: filed after work from the day's visits and, when Deals runs, its orders and collections; corrected until the manager comments. */
export function DailyReportCard({ day }: { day: string }) {
  const { t, i18n } = useTranslation('visits');
  const draft = useReportDraft(day);
  const report = useReport(draft.data?.reportId ?? undefined);
  if (draft.isError || report.isError) {
    return <PageError error={draft.error ?? report.error} onRetry={() => void (draft.isError ? draft.refetch() : report.refetch())} />;
  }
  const filed = report.data;
  const efficiency = filed?.efficiency ?? draft.data?.efficiency;
  const money = (amount: number | null | undefined) => (amount == null ? t('common.dash') : formatMoney(amount, i18n.language));
  return (
    <Card
      size="small"
      loading={draft.isLoading || (draft.data?.reportId != null && report.isLoading)}
      title={
        <Space>
          {t('report.title')}
          {filed && <Tag color={filed.late ? 'error' : 'success'}>{filed.late ? t('report.late') : t('report.onTime')}</Tag>}
        </Space>
      }
      extra={draft.data && <Typography.Text type="secondary">{t('report.dueAt', { time: formatDateTime(draft.data.dueAt, i18n.language) })}</Typography.Text>}
    >
      {efficiency && <Efficiency efficiency={efficiency} money={money} />}
      {draft.data?.monthTarget != null && (
        <Typography.Paragraph type="secondary">
          {t('report.monthTarget', {
            target: money(draft.data.monthTarget),
            achieved: money(draft.data.monthAchieved),
            percent: draft.data.monthAchievedPercent == null ? t('common.dash') : `${draft.data.monthAchievedPercent}%`,
          })}
        </Typography.Paragraph>
      )}
      {filed?.status === ReportStatus.Reviewed ? (
        <Alert type="success" showIcon message={t('report.reviewed', { comment: filed.reviewComment ?? '' })} />
      ) : filed ? (
        <Alert type="info" showIcon message={t('report.waiting')} style={{ marginBottom: 12 }} />
      ) : null}
      {draft.data && filed?.status !== ReportStatus.Reviewed && <ReportForm key={filed?.version ?? 'new'} day={day} draft={draft.data} report={filed} />}
    </Card>
  );
}

function Efficiency({ efficiency, money }: { efficiency: DayEfficiencyDto; money: (amount: number | null | undefined) => string }) {
  const { t } = useTranslation('visits');
  return (
    <Row gutter={[16, 8]} style={{ marginBottom: 12 }} aria-label={t('report.efficiency')}>
      <Col span={8}>
        <Statistic title={t('report.visits')} value={efficiency.visits} />
      </Col>
      <Col span={8}>
        <Statistic title={t('report.effectiveVisits')} value={efficiency.effectiveVisits} />
      </Col>
      <Col span={8}>
        <Statistic title={t('report.visitCost')} value={money(efficiency.cost)} />
      </Col>
      <Col span={8}>
        <Statistic title={t('report.ordersPerVisit')} value={efficiency.ordersPerVisit ?? t('common.dash')} />
      </Col>
      <Col span={8}>
        <Statistic title={t('report.costPerVisit')} value={money(efficiency.costPerVisit)} />
      </Col>
    </Row>
  );
}

function ReportForm({ day, draft, report }: { day: string; draft: DailyReportDraftDto; report?: DailyReportDto }) {
  const { t } = useTranslation('visits');
  const [form] = Form.useForm<ReportFields>();
  const save = useSaveReport(report);
  const message = useMessage();
  const initial: ReportFields = report ?? {
    attendance: Attendance.Present,
    complaintsHandled: 0,
    orders: draft.sales?.orders ?? 0,
    orderAmount: draft.sales?.orderAmount ?? 0,
    collected: draft.sales?.collected ?? 0,
  };
  const finish = (values: ReportFields) =>
    save.mutate(
      { ...values, day },
      {
        onSuccess: () => void message.success(t('report.filed')),
        onError: (error) => void message.error(hasStatus(error, 412) ? t('common.changedElsewhere') : problemMessage(error, t)),
      },
    );
  const text = (name: keyof ReportFields & keyof typeof maxLengths.DailyReportInput, label: string) => (
    <Form.Item name={name} label={label}>
      <Input.TextArea rows={2} maxLength={maxLengths.DailyReportInput[name]} />
    </Form.Item>
  );
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={finish}>
      {draft.sales && !report && <Typography.Paragraph type="secondary">{t('report.fromDeals')}</Typography.Paragraph>}
      <Space wrap>
        <Form.Item name="attendance" label={t('report.attendance')}>
          <Select style={{ width: 120 }} options={Object.values(Attendance).map((a) => ({ value: a, label: t(`attendance.${a}`) }))} />
        </Form.Item>
        <Form.Item name="complaintsHandled" label={t('report.complaintsHandled')}>
          <InputNumber<number> min={0} max={1000} precision={0} />
        </Form.Item>
        <Form.Item name="orders" label={t('report.orders')}>
          <InputNumber<number> min={0} max={1000} precision={0} />
        </Form.Item>
        <Form.Item name="orderAmount" label={t('report.orderAmount')}>
          <InputNumber<number> min={0} precision={2} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="collected" label={t('report.collected')}>
          <InputNumber<number> min={0} precision={2} style={{ width: 140 }} />
        </Form.Item>
      </Space>
      {text('complaintNotes', t('report.complaintNotes'))}
      {text('competitorInfo', t('report.competitorInfo'))}
      {text('customerFeedback', t('report.customerFeedback'))}
      {text('customerNews', t('report.customerNews'))}
      {text('lessons', t('report.lessons'))}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {report ? t('report.correct') : t('report.file')}
      </Button>
    </Form>
  );
}
