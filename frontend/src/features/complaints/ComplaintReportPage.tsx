import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasStatus } from '../../api/problems';
import { formatDateTime, formatMoney } from '../../shared/format';
import { NotFound } from '../../shared/ui/NotFound';
import { PageError, PageLoading } from '../../shared/ui/PageStates';
import { useCauseName, useComplaint, useComplaintSteps } from './api';

/**
 * 客户投诉处理报告表: one complaint on one printed page — what, when, who, the cause, the resolution and its cost, the
 * prevention — with room for the signatures. The print style sheet leaves out the app's frame and the buttons.
 */
export default function ComplaintReportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('complaints');
  const complaint = useComplaint(id);
  const steps = useComplaintSteps(id);
  const causeName = useCauseName();
  if (complaint.isPending || steps.isPending) {
    return <PageLoading />;
  }
  if (complaint.isError) {
    return hasStatus(complaint.error, 404) || hasStatus(complaint.error, 400) ? (
      <NotFound title={t('report.title')} body={t('detail.notFound')} backTo="/complaints" backLabel={t('detail.back')} />
    ) : (
      <PageError error={complaint.error} onRetry={() => void complaint.refetch()} />
    );
  }
  const c = complaint.data;
  const at = (iso?: string) => (iso ? formatDateTime(iso, i18n.language) : '');
  const yesNo = (value: boolean) => t(value ? 'common.yes' : 'common.no');
  return (
    <div className="page complaint-report">
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('report.print')}
        </Button>
        <Link to={`/complaints/${c.id}`}>{t('report.back')}</Link>
      </Space>
      <article className="report-sheet">
        <header className="report-sheet__header">
          <h1>{t('report.title')}</h1>
          <span>
            {t('report.number')}：{c.id.slice(-12).toUpperCase()}
          </span>
        </header>
        <table className="report-table">
          <tbody>
            <tr>
              <th>{t('common.customer')}</th>
              <td>{c.customerName}</td>
              <th>{t('common.keyCustomer')}</th>
              <td>{yesNo(c.keyCustomer)}</td>
            </tr>
            <tr>
              <th>{t('detail.contactName')}</th>
              <td>{c.contactName}</td>
              <th>{t('detail.product')}</th>
              <td>{c.product}</td>
            </tr>
            <tr>
              <th>{t('detail.channel')}</th>
              <td>{t(`channels.${c.channel}`)}</td>
              <th>{t('intake.severity')}</th>
              <td>{t(`severities.${c.severity}`)}</td>
            </tr>
            {c.dealTitle && (
              <tr>
                <th>{t('intake.deal')}</th>
                <td colSpan={3}>{c.dealTitle}</td>
              </tr>
            )}
            <tr>
              <th>{t('intake.titleField')}</th>
              <td colSpan={3}>{c.title}</td>
            </tr>
            <tr>
              <th>{t('report.what')}</th>
              <td colSpan={3} className="report-table__text">
                {c.description}
              </td>
            </tr>
            <tr>
              <th>{t('detail.receivedAt')}</th>
              <td>{at(c.receivedAt)}</td>
              <th>{t('detail.receivedBy')}</th>
              <td>{c.receivedByName}</td>
            </tr>
            <tr>
              <th>{t('detail.promisedAt')}</th>
              <td>{at(c.promisedAt)}</td>
              <th>{t('detail.acknowledged')}</th>
              <td>{at(c.acknowledgedAt)}</td>
            </tr>
            <tr>
              <th>{t('common.owner')}</th>
              <td>{c.ownerName}</td>
              <th>{t('list.status')}</th>
              <td>
                {t(`statuses.${c.status}`)}
                {c.breachedAt && ` · ${t('sla.breached')}`}
                {c.reopenCount > 0 && ` · ${t('detail.reopenCount', { count: c.reopenCount })}`}
              </td>
            </tr>
            <tr>
              <th>{t('detail.cause')}</th>
              <td>{causeName(c.causeKey)}</td>
              <th>{t('detail.causeNote')}</th>
              <td>{c.causeNote}</td>
            </tr>
            <tr>
              <th>{t('actions.kind')}</th>
              <td>{c.resolutionKind && t(`resolutionKinds.${c.resolutionKind}`)}</td>
              <th>{t('detail.resolutionCost')}</th>
              <td>{c.resolutionCost != null && formatMoney(c.resolutionCost, i18n.language)}</td>
            </tr>
            <tr>
              <th>{t('detail.resolution')}</th>
              <td colSpan={3} className="report-table__text">
                {c.resolutionDescription}
              </td>
            </tr>
            <tr>
              <th>{t('statuses.resolved')}</th>
              <td>{at(c.resolvedAt)}</td>
              <th>{t('statuses.closed')}</th>
              <td>{at(c.closedAt)}</td>
            </tr>
            <tr>
              <th>{t('detail.prevention')}</th>
              <td colSpan={3} className="report-table__text">
                {c.preventionAction}
                {c.preventionAction && ` （${c.preventionOwnerName ?? ''} · ${c.preventionDueOn ?? ''}${c.preventionDoneAt ? ` · ${t('detail.preventionDone')} ${at(c.preventionDoneAt)}` : ''}）`}
              </td>
            </tr>
            <tr>
              <th>{t('report.handling')}</th>
              <td colSpan={3}>
                <ol className="report-steps">
                  {(steps.data ?? []).map((s, index) => (
                    <li key={index}>
                      {at(s.at)} {t(`steps.${s.kind}`)} · {s.byName ?? t('common.system')}
                      {s.note && `：${s.note}`}
                    </li>
                  ))}
                </ol>
              </td>
            </tr>
            <tr className="report-table__signatures">
              <th>{t('report.signature')}</th>
              <td />
              <th>{t('report.managerSignature')}</th>
              <td />
            </tr>
          </tbody>
        </table>
        <footer className="report-sheet__footer">
          {t('report.printedAt')}：{formatDateTime(new Date().toISOString(), i18n.language)}
        </footer>
      </article>
    </div>
  );
}
