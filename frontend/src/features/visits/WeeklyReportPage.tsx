import { Alert, Button, Card, Col, Form, Input, InputNumber, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/auth/session';
import { type WeeklyReportDto, type WeeklyReportInput, WeeklyReportStatus, type WeeklyRepDto } from '../../api/generated/visits-client';
import { maxLengths } from '../../api/generated/limits';
import { hasStatus } from '../../api/problems';
import { formatMoney } from '../../shared/format';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError, PageLoading } from '../../shared/ui/PageStates';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useSubmitWeekly, useWeeklyReport, useWriteWeekly } from './api';
import { rate } from './labels';

/** A team's week: the compiled figures, each linking to the rows it counts; the manager's plan, comments and submission. */
export default function WeeklyReportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('visits');
  const report = useWeeklyReport(id);
  const { data: me } = useSession();
  if (report.isPending) {
    return <PageLoading />;
  }
  if (report.isError) {
    return <PageError error={report.error} onRetry={() => void report.refetch()} />;
  }
  const week = report.data;
  const { figures } = week;
  const team = figures.team;
  const range = `from=${figures.from}&to=${figures.to}&teamId=${week.teamId}`;
  const money = (amount: number | null | undefined) => (amount == null ? t('common.dash') : formatMoney(amount, i18n.language));
  const dash = t('common.dash');
  const writable = me?.role === 'Manager' && me.teamId === week.teamId && week.status === WeeklyReportStatus.Draft;
  const figure = (title: string, value: string | number, link?: string) => (
    <Col xs={12} md={6}>
      <Statistic title={title} value={value} />
      {link && (
        <Link to={link} className="figure-rows">
          {t('weekly.rows')}
        </Link>
      )}
    </Col>
  );

  return (
    <div className="page visits-weekly-report">
      <PageHeader
        title={`${week.teamName ?? ''} · ${t('weekly.weekOf', { from: figures.from, to: figures.to })}`}
        subtitle={<Tag color={week.status === WeeklyReportStatus.Submitted ? 'success' : 'default'}>{t(`weekly.statuses.${week.status}`)}</Tag>}
        actions={<Link to="/visits/weekly">{t('weekly.back')}</Link>}
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={t('weekly.figures')}>
          <Row gutter={[16, 16]}>
            {figure(t('weekly.effectiveVisitRate'), rate(team.effectiveVisitRate, dash), `/visits/records?${range}&outcome=true`)}
            {figure(t('weekly.transactionRate'), rate(team.transactionRate, dash), `/visits/records?${range}&ordered=true`)}
            {figure(t('weekly.plannedVisits'), team.planned, `/visits/plans?${range}`)}
            {figure(t('weekly.visits'), team.visits, `/visits/records?${range}`)}
            {figure(t('weekly.effectiveVisits'), team.effectiveVisits, `/visits/records?${range}&outcome=true`)}
            {figure(t('weekly.orderedVisits'), team.orderedVisits, `/visits/records?${range}&ordered=true`)}
            {figure(t('weekly.costPerVisit'), money(team.costPerVisit))}
            {figure(t('weekly.reportsOnTime'), team.reportsOnTime, `/visits/reports?${range}&late=false`)}
            {figure(t('weekly.reportsLate'), team.reportsLate, `/visits/reports?${range}&late=true`)}
            {figure(t('weekly.reportsMissing'), team.reportsMissing)}
          </Row>
        </Card>
        <Card size="small" title={t('weekly.sales')}>
          {figures.sales ? (
            <Row gutter={[16, 16]}>
              {figure(t('weekly.orders'), figures.sales.orders)}
              {figure(t('weekly.orderAmount'), money(figures.sales.orderAmount))}
              {figure(t('weekly.collected'), money(figures.sales.collected))}
              {figure(t('weekly.newCustomers'), figures.sales.newCustomers)}
              {figure(t('weekly.averageSalesPerRep'), money(figures.sales.averageSalesPerRep))}
              {figure(t('weekly.monthTarget'), rate(figures.sales.monthAchievedPercent, dash), '/deals/targets')}
            </Row>
          ) : (
            <Typography.Text type="secondary">{t('weekly.noDeals')}</Typography.Text>
          )}
        </Card>
        <Card size="small" title={t('weekly.reps')}>
          <Table<WeeklyRepDto>
            rowKey="repId"
            size="small"
            pagination={false}
            dataSource={figures.reps}
            columns={[
              { title: t('common.rep'), render: (_, r) => <Link to={`/visits/records?from=${figures.from}&to=${figures.to}&repId=${r.repId}`}>{r.repName}</Link> },
              { title: t('weekly.plannedVisits'), render: (_, r) => r.activity.planned },
              { title: t('weekly.visits'), render: (_, r) => r.activity.visits },
              { title: t('weekly.effectiveVisitRate'), render: (_, r) => rate(r.activity.effectiveVisitRate, dash) },
              { title: t('weekly.transactionRate'), render: (_, r) => rate(r.activity.transactionRate, dash) },
              { title: t('weekly.orderAmount'), render: (_, r) => money(r.sales?.orderAmount) },
              { title: t('weekly.reportsOnTime'), render: (_, r) => `${r.activity.reportsOnTime} / ${r.activity.reportsOnTime + r.activity.reportsLate + r.activity.reportsMissing}` },
            ]}
          />
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('weekly.competitorMoves')}>
              <List
                size="small"
                locale={{ emptyText: t('weekly.noMoves') }}
                dataSource={figures.competitorMoves}
                renderItem={(m) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <Space wrap>
                        <Link to={`/visits/market-reports/${m.reportId}`}>{t(`marketKinds.${m.kind}`)}</Link>
                        {m.competitor && <Tag>{m.competitor}</Tag>}
                        <Typography.Text type="secondary">{`${m.observedOn} · ${m.repName ?? ''}`}</Typography.Text>
                      </Space>
                      <span>{m.description}</span>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('weekly.abnormal', { count: figures.abnormalCustomerCount })}>
              <List
                size="small"
                locale={{ emptyText: t('weekly.noAbnormal') }}
                dataSource={figures.abnormalCustomers}
                renderItem={(c) => (
                  <List.Item>
                    <Space wrap>
                      <Link to={`/customers/${c.customerId}`}>{c.name}</Link>
                      <Typography.Text type="secondary">{`${c.ownerName ?? ''} · ${t('weekly.dueSince', { date: c.visitDue })}`}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('weekly.falling', { count: figures.fallingCustomerCount })}>
              <List
                size="small"
                locale={{ emptyText: t('weekly.noFalling') }}
                dataSource={figures.fallingCustomers}
                renderItem={(c) => (
                  <List.Item>
                    <Space wrap>
                      <Link to={`/customers/${c.customerId}`}>{c.name}</Link>
                      <Typography.Text type="secondary">
                        {`${c.ownerName ?? ''} · ${t('weekly.fallingAmounts', { previous: money(c.previous), recent: money(c.recent) })}`}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          {figures.complainingCustomers && (
            <Col xs={24} lg={12}>
              <Card size="small" title={t('weekly.complaining', { count: figures.complainingCustomerCount ?? 0 })}>
                <List
                  size="small"
                  locale={{ emptyText: t('weekly.noComplaining') }}
                  dataSource={figures.complainingCustomers}
                  renderItem={(c) => (
                    <List.Item>
                      <Space wrap>
                        <Link to={`/customers/${c.customerId}`}>{c.name}</Link>
                        <Typography.Text type={c.overdue > 0 ? 'danger' : 'secondary'}>
                          {`${c.ownerName ?? ''} · ${t('weekly.complaintCounts', { open: c.open, overdue: c.overdue })}`}
                        </Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          )}
        </Row>
        {writable ? <ManagerPart week={week} /> : <ManagerNotes week={week} />}
      </Space>
    </div>
  );
}

function ManagerNotes({ week }: { week: WeeklyReportDto }) {
  const { t, i18n } = useTranslation('visits');
  if (!week.plan && !week.comment) {
    return null;
  }
  return (
    <Card size="small" title={t('weekly.plan')}>
      <Typography.Paragraph>{week.plan}</Typography.Paragraph>
      {week.comment && <Typography.Paragraph type="secondary">{week.comment}</Typography.Paragraph>}
      {week.nextWeekTarget != null && <Typography.Text>{`${t('weekly.nextWeekTarget')}: ${formatMoney(week.nextWeekTarget, i18n.language)}`}</Typography.Text>}
    </Card>
  );
}

function ManagerPart({ week }: { week: WeeklyReportDto }) {
  const { t } = useTranslation('visits');
  const [form] = Form.useForm<WeeklyReportInput>();
  const write = useWriteWeekly(week);
  const submit = useSubmitWeekly();
  const message = useMessage();
  const failed = (error: unknown) => void message.error(hasStatus(error, 412) ? t('common.changedElsewhere') : problemMessage(error, t));
  const save = (values: WeeklyReportInput, andSubmit: boolean) =>
    write.mutate(
      { plan: values.plan || undefined, comment: values.comment || undefined, nextWeekTarget: values.nextWeekTarget ?? undefined },
      {
        onSuccess: (written) => {
          if (andSubmit) {
            submit.mutate(written, { onSuccess: () => void message.success(t('weekly.submitted')), onError: failed });
          } else {
            void message.success(t('weekly.saved'));
          }
        },
        onError: failed,
      },
    );
  return (
    <Card size="small" title={t('weekly.plan')}>
      <Form form={form} layout="vertical" initialValues={{ plan: week.plan, comment: week.comment, nextWeekTarget: week.nextWeekTarget }}>
        <Form.Item name="plan" label={t('weekly.plan')} rules={[{ required: true, whitespace: true, message: t('weekly.needsPlan') }]}>
          <Input.TextArea rows={4} maxLength={maxLengths.WeeklyReportInput.plan} />
        </Form.Item>
        <Form.Item name="comment" label={t('weekly.comment')}>
          <Input.TextArea rows={3} maxLength={maxLengths.WeeklyReportInput.comment} />
        </Form.Item>
        <Form.Item name="nextWeekTarget" label={t('weekly.nextWeekTarget')}>
          <InputNumber<number> min={0} precision={2} style={{ width: 200 }} />
        </Form.Item>
        {week.plan == null && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('weekly.needsPlan')} />}
        <Space>
          <Button loading={write.isPending && !submit.isPending} onClick={() => void form.validateFields().then((v) => save(v, false))}>
            {t('common.save')}
          </Button>
          <Button type="primary" loading={submit.isPending} onClick={() => void form.validateFields().then((v) => save(v, true))}>
            {t('weekly.submit')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
