import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Space, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ComplaintDto, type ComplaintStepDto, ComplaintStepKind } from '../../api/generated/complaints-client';
import { hasStatus } from '../../api/problems';
import { formatDateTime, formatMoney } from '../../shared/format';
import { NotFound } from '../../shared/ui/NotFound';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError, PageLoading } from '../../shared/ui/PageStates';
import { useCauseName, useComplaint, useComplaintSteps } from './api';
import { ComplaintActions } from './ComplaintActions';
import { SlaTag } from './SlaTag';
import { severityColor, statusColor } from './labels';

/** The steps the system takes, shown in red: the promise was broken. */
const alarmSteps = new Set<ComplaintStepKind>([ComplaintStepKind.Breached, ComplaintStepKind.Escalated]);

/** One complaint: what the customer said, where it stands against its promised time, what to do next, and everything done so far. */
export default function ComplaintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('complaints');
  const complaint = useComplaint(id);
  const steps = useComplaintSteps(id);
  if (complaint.isPending) {
    return <PageLoading />;
  }
  if (complaint.isError) {
    return hasStatus(complaint.error, 404) || hasStatus(complaint.error, 400) ? (
      <NotFound title={t('list.title')} body={t('detail.notFound')} backTo="/complaints" backLabel={t('detail.back')} />
    ) : (
      <PageError error={complaint.error} onRetry={() => void complaint.refetch()} />
    );
  }
  const c = complaint.data;
  return (
    <div className="page complaint-detail">
      <PageHeader
        title={
          <>
            {c.title} <Tag color={statusColor[c.status]}>{t(`statuses.${c.status}`)}</Tag> <Tag color={severityColor[c.severity]}>{t(`severities.${c.severity}`)}</Tag>
            {c.keyCustomer && <Tag color="gold">{t('common.keyCustomer')}</Tag>}
          </>
        }
        subtitle={
          <Space wrap>
            <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>
            <SlaTag complaint={c} />
          </Space>
        }
        actions={
          <Space>
            <Link to={`/complaints/${c.id}/report`}>
              <Button icon={<PrinterOutlined />}>{t('detail.print')}</Button>
            </Link>
            <Link to="/complaints">{t('detail.back')}</Link>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('detail.actions')} style={{ marginBottom: 16 }}>
            <ComplaintActions complaint={c} />
          </Card>
          <Facts complaint={c} />
          <Card size="small" title={t('detail.timeline')}>
            {steps.isError ? <PageError error={steps.error} onRetry={() => void steps.refetch()} /> : <StepsTimeline steps={steps.data ?? []} />}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Outcome complaint={c} />
          <AnswersGiven steps={steps.data ?? []} />
        </Col>
      </Row>
    </div>
  );
}

function Facts({ complaint: c }: { complaint: ComplaintDto }) {
  const { t, i18n } = useTranslation('complaints');
  const dash = t('common.dash');
  return (
    <Card size="small" title={t('detail.facts')} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('detail.receivedAt')}>{formatDateTime(c.receivedAt, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.channel')}>{t(`channels.${c.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.receivedBy')}>{c.receivedByName ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('common.owner')}>{c.ownerName ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('detail.contactName')}>{c.contactName ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('detail.product')}>{c.product ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('detail.promisedAt')}>{formatDateTime(c.promisedAt, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.acknowledged')}>
          {c.acknowledgedAt ? `${formatDateTime(c.acknowledgedAt, i18n.language)} · ${c.acknowledgedVia ? t(`channels.${c.acknowledgedVia}`) : ''}` : t('detail.notAcknowledged')}
        </Descriptions.Item>
        {c.reopenCount > 0 && <Descriptions.Item label={t('statuses.investigating')}>{t('detail.reopenCount', { count: c.reopenCount })}</Descriptions.Item>}
        {c.dealId && (
          <Descriptions.Item label={t('intake.deal')}>
            <Link to={`/deals/${c.dealId}`}>{c.dealTitle}</Link>
          </Descriptions.Item>
        )}
        {c.marketReportId && (
          <Descriptions.Item label={t('detail.marketReport')}>
            <Link to={`/visits/market-reports/${c.marketReportId}`}>{t('channels.marketReport')}</Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('intake.description')} span={2}>
          <span className="pre-wrap">{c.description}</span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The resolution, the cause and the action against recurrence: what the report form carries. */
function Outcome({ complaint: c }: { complaint: ComplaintDto }) {
  const { t, i18n } = useTranslation('complaints');
  const causeName = useCauseName();
  const dash = t('common.dash');
  return (
    <Card size="small" title={t('detail.resolution')} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('actions.kind')}>{c.resolutionKind ? t(`resolutionKinds.${c.resolutionKind}`) : dash}</Descriptions.Item>
        <Descriptions.Item label={t('actions.description')}>{c.resolutionDescription ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('detail.resolutionCost')}>{c.resolutionCost != null ? formatMoney(c.resolutionCost, i18n.language) : dash}</Descriptions.Item>
        <Descriptions.Item label={t('detail.cause')}>{causeName(c.causeKey) ?? dash}</Descriptions.Item>
        {c.causeNote && <Descriptions.Item label={t('detail.causeNote')}>{c.causeNote}</Descriptions.Item>}
        <Descriptions.Item label={t('detail.prevention')}>{c.preventionAction ?? dash}</Descriptions.Item>
        {c.preventionAction && (
          <Descriptions.Item label={t('detail.preventionDue')}>
            {c.preventionOwnerName} · {c.preventionDueOn}{' '}
            {c.preventionDoneAt && (
              <Tag color="success" bordered={false}>
                {t('detail.preventionDone')}
              </Tag>
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function AnswersGiven({ steps }: { steps: ComplaintStepDto[] }) {
  const { t } = useTranslation('complaints');
  const given = steps.filter((s) => s.kind === ComplaintStepKind.AnswerUsed);
  if (given.length === 0) {
    return null;
  }
  return (
    <Card size="small" title={t('detail.answers')}>
      <ul className="plain-list">
        {given.map((s) => (
          <li key={`${s.answerId}`}>
            {s.note} <span className="muted">({t('detail.edition', { edition: s.answerEdition })})</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The complaint's way, oldest first: each step, who took it and when, and what was said. */
export function StepsTimeline({ steps }: { steps: ComplaintStepDto[] }) {
  const { t, i18n } = useTranslation('complaints');
  return (
    <Timeline
      className="complaint-timeline"
      items={steps.map((s) => ({
        color: alarmSteps.has(s.kind) ? 'red' : s.kind === ComplaintStepKind.Closed ? 'green' : 'blue',
        children: (
          <div data-testid={`step-${s.kind}`}>
            <strong>{t(`steps.${s.kind}`)}</strong>{' '}
            <span className="muted">
              {formatDateTime(s.at, i18n.language)} · {s.by ? (s.byName ?? t('common.dash')) : t('common.system')}
              {s.channel && ` · ${t(`channels.${s.channel}`)}`}
              {s.kind === ComplaintStepKind.Reassigned && ` → ${s.ownerName ?? ''}`}
            </span>
            {s.note && <div className="pre-wrap">{s.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
