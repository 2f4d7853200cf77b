import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../app/auth/session';
import { type WeeklyReportDto, WeeklyReportStatus } from '../../api/generated/visits-client';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError } from '../../shared/ui/PageStates';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useCompileWeekly, useWeeklyReports } from './api';
import { rate } from './labels';
import { VisitsNav } from './VisitsNav';

/** 周进度控制: the teams' weeks, the latest first; a manager compiles the running week whenever they like. */
export default function WeeklyReportsPage() {
  const { t } = useTranslation('visits');
  const reports = useWeeklyReports();
  const compile = useCompileWeekly();
  const navigate = useNavigate();
  const message = useMessage();
  const { data: me } = useSession();
  return (
    <div className="page visits-weekly">
      <PageHeader
        title={t('weekly.title')}
        subtitle={t('weekly.subtitle')}
        actions={
          me?.role === 'Manager' && (
            <Button
              type="primary"
              loading={compile.isPending}
              onClick={() => compile.mutate({}, { onSuccess: (report) => void navigate(`/visits/weekly/${report.id}`), onError: (error) => void message.error(problemMessage(error, t)) })}
            >
              {t('weekly.compile')}
            </Button>
          )
        }
      />
      <VisitsNav />
      {reports.isError ? (
        <PageError error={reports.error} onRetry={() => void reports.refetch()} />
      ) : (
        <Table<WeeklyReportDto>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="small"
          loading={reports.isLoading}
          dataSource={reports.data}
          pagination={false}
          locale={{ emptyText: t('weekly.none') }}
          columns={[
            { title: t('common.team'), render: (_, r) => r.teamName ?? t('common.dash') },
            { title: t('common.day'), render: (_, r) => <Link to={`/visits/weekly/${r.id}`}>{t('weekly.weekOf', { from: r.figures.from, to: r.figures.to })}</Link> },
            {
              title: t('weekly.effectiveVisitRate'),
              render: (_, r) => rate(r.figures.team.effectiveVisitRate, t('common.dash')),
            },
            { title: t('weekly.transactionRate'), render: (_, r) => rate(r.figures.team.transactionRate, t('common.dash')) },
            {
              title: '',
              render: (_, r) => <Tag color={r.status === WeeklyReportStatus.Submitted ? 'success' : 'default'}>{t(`weekly.statuses.${r.status}`)}</Tag>,
            },
          ]}
        />
      )}
    </div>
  );
}
