import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Progress, Radio, Space, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type ImportJobDto, ImportMode, ImportOutcome, type ImportRowDto, ImportStatus } from '../../../api/generated/customers-client';
import { formatDateTime } from '../../../shared/format';
import { DataTable, type Column } from '../../../shared/ui/DataTable';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { isUnfinished, templateUrl, useImportJob, useImportRows, useRecentImports, useStartImport } from './importApi';

const outcomeColors: Record<ImportOutcome, string> = {
  [ImportOutcome.Created]: 'green',
  [ImportOutcome.Updated]: 'blue',
  [ImportOutcome.Skipped]: 'default',
  [ImportOutcome.Failed]: 'red',
};

const statusColors: Record<ImportStatus, string> = {
  [ImportStatus.Queued]: 'default',
  [ImportStatus.Running]: 'processing',
  [ImportStatus.Completed]: 'success',
  [ImportStatus.Failed]: 'error',
};

/** 导入客户: upload a CSV or Excel file, follow its progress, and see what became of every row. */
export default function ImportPage() {
  const { t, i18n } = useTranslation('customers');
  const [search, setSearch] = useSearchParams();
  const jobId = search.get('job') ?? undefined;
  const open = (id: string) => setSearch({ job: id });

  return (
    <div className="page">
      <PageHeader
        title={t('import.title')}
        subtitle={t('import.subtitle')}
        actions={
          <Space>
            <Button href={templateUrl('csv', i18n.language)} download>
              {t('import.templateCsv')}
            </Button>
            <Button href={templateUrl('xlsx', i18n.language)} download>
              {t('import.templateXlsx')}
            </Button>
            <Link to="/customers">{t('backToList')}</Link>
          </Space>
        }
      />
      <UploadCard onStarted={(job) => open(job.id)} />
      {jobId && <ImportProgress key={jobId} id={jobId} />}
      <RecentImports current={jobId} onOpen={open} />
    </div>
  );
}

function UploadCard({ onStarted }: { onStarted: (job: ImportJobDto) => void }) {
  const { t } = useTranslation('customers');
  const [file, setFile] = useState<File>();
  const [mode, setMode] = useState<ImportMode>(ImportMode.AddNew);
  const start = useStartImport();

  return (
    <Card size="small" title={t('import.uploadTitle')} style={{ marginBottom: 16 }}>
      <Upload.Dragger
        accept=".csv,.xlsx"
        maxCount={1}
        fileList={file ? [{ uid: file.name, name: file.name, status: 'done' }] : []}
        beforeUpload={(chosen) => {
          setFile(chosen);
          start.reset();
          return false;
        }}
        onRemove={() => setFile(undefined)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.drop')}</p>
        <p className="ant-upload-hint">{t('import.hint')}</p>
      </Upload.Dragger>
      <div className="import-options">
        <Radio.Group
          value={mode}
          onChange={(event) => setMode(event.target.value as ImportMode)}
          options={[
            { value: ImportMode.AddNew, label: t('import.modes.addNew') },
            { value: ImportMode.AddNewAndUpdate, label: t('import.modes.addNewAndUpdate') },
          ]}
        />
        <Button
          type="primary"
          disabled={!file}
          loading={start.isPending}
          onClick={() => file && start.mutate({ file, mode }, { onSuccess: (job) => { setFile(undefined); onStarted(job); } })}
        >
          {t('import.start')}
        </Button>
      </div>
      {start.isError && <Alert type="error" showIcon message={problemMessage(start.error, t)} style={{ marginTop: 12 }} />}
    </Card>
  );
}

function ImportProgress({ id }: { id: string }) {
  const { t } = useTranslation('customers');
  const job = useImportJob(id);
  if (job.isError) {
    return <Alert type="error" showIcon message={problemMessage(job.error, t)} style={{ marginBottom: 16 }} />;
  }
  if (!job.data) {
    return <Card size="small" loading style={{ marginBottom: 16 }} />;
  }

  const { data } = job;
  const percent = data.totalRows === 0 ? 0 : Math.floor((data.rowsDone * 100) / data.totalRows);
  const counts: [ImportOutcome, number][] = [
    [ImportOutcome.Created, data.created],
    [ImportOutcome.Updated, data.updated],
    [ImportOutcome.Skipped, data.skipped],
    [ImportOutcome.Failed, data.failed],
  ];
  return (
    <Card
      size="small"
      title={data.fileName}
      extra={<Tag color={statusColors[data.status]}>{t(`import.statuses.${data.status}`)}</Tag>}
      style={{ marginBottom: 16 }}
    >
      <Progress
        percent={percent}
        status={data.status === ImportStatus.Failed ? 'exception' : data.status === ImportStatus.Completed ? 'success' : 'active'}
        aria-label={t('import.progressLabel')}
      />
      <p className="muted" aria-live="polite">
        {t('import.progress', { done: data.rowsDone.toLocaleString(), total: data.totalRows.toLocaleString() })}
      </p>
      <Space wrap>
        {counts.map(([outcome, count]) => (
          <Tag key={outcome} color={outcomeColors[outcome]} bordered={false}>
            {t(`import.outcomes.${outcome}`)} {count.toLocaleString()}
          </Tag>
        ))}
      </Space>
      {data.ignoredColumns.length > 0 && (
        <Alert type="info" showIcon style={{ marginTop: 12 }} message={t('import.ignored', { columns: data.ignoredColumns.join(t('import.listSeparator')) })} />
      )}
      {data.status === ImportStatus.Failed && <Alert type="error" showIcon style={{ marginTop: 12 }} message={data.error ?? t('import.statuses.failed')} />}
      {data.rowsDone > 0 && <RowResults job={data} />}
    </Card>
  );
}

function RowResults({ job }: { job: ImportJobDto }) {
  const { t } = useTranslation('customers');
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>(job.failed > 0 ? ImportOutcome.Failed : undefined);
  // While the import runs the table is read once, and again when it is over.
  const rows = useImportRows(job.id, outcome, isUnfinished(job) ? ImportStatus.Running : job.status);
  const columns: Column<ImportRowDto>[] = [
    { key: 'row', title: t('import.row'), width: 80, render: (r) => r.row },
    { key: 'outcome', title: t('import.outcome'), width: 100, render: (r) => <Tag color={outcomeColors[r.outcome]}>{t(`import.outcomes.${r.outcome}`)}</Tag> },
    { key: 'column', title: t('import.column'), width: 120, render: (r) => r.column ?? t('common.dash') },
    { key: 'message', title: t('import.message'), render: (r) => r.message ?? t('common.dash') },
    {
      key: 'customer',
      title: '',
      width: 90,
      render: (r) => r.customerId && <Link to={`/customers/${r.customerId}`}>{t('import.openCustomer')}</Link>,
    },
  ];

  return (
    <div className="import-rows">
      <Radio.Group
        optionType="button"
        size="small"
        value={outcome ?? 'all'}
        onChange={(event) => setOutcome(event.target.value === 'all' ? undefined : (event.target.value as ImportOutcome))}
        options={[
          { value: ImportOutcome.Failed, label: t('import.outcomes.failed') },
          { value: ImportOutcome.Skipped, label: t('import.outcomes.skipped') },
          { value: 'all', label: t('import.allRows') },
        ]}
      />
      {rows.isError ? (
        <Alert type="error" showIcon message={problemMessage(rows.error, t)} />
      ) : (
        <DataTable
          caption={t('import.rowsCaption')}
          columns={columns}
          rows={rows.data ?? []}
          rowKey={(r) => r.row}
          loading={rows.isPending}
          empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('import.noRows')} />}
        />
      )}
      {rows.hasNextPage && (
        <Button onClick={() => void rows.fetchNextPage()} loading={rows.isFetchingNextPage}>
          {t('loadMore')}
        </Button>
      )}
    </div>
  );
}

function RecentImports({ current, onOpen }: { current: string | undefined; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation('customers');
  const recent = useRecentImports();
  const columns: Column<ImportJobDto>[] = [
    { key: 'file', title: t('import.file'), render: (j) => j.fileName },
    { key: 'createdAt', title: t('import.uploadedAt'), width: 170, render: (j) => formatDateTime(j.createdAt, i18n.language) },
    { key: 'status', title: t('import.status'), width: 100, render: (j) => <Tag color={statusColors[j.status]}>{t(`import.statuses.${j.status}`)}</Tag> },
    {
      key: 'counts',
      title: t('import.result'),
      render: (j) => t('import.summary', { created: String(j.created), updated: String(j.updated), skipped: String(j.skipped), failed: String(j.failed) }),
    },
    {
      key: 'open',
      title: '',
      width: 80,
      render: (j) =>
        j.id !== current && (
          <Button type="link" size="small" onClick={() => onOpen(j.id)}>
            {t('import.view')}
          </Button>
        ),
    },
  ];
  return (
    <Card size="small" title={t('import.recentTitle')}>
      {recent.isError ? (
        <Alert type="error" showIcon message={problemMessage(recent.error, t)} />
      ) : (
        <DataTable
          caption={t('import.recentTitle')}
          columns={columns}
          rows={recent.data ?? []}
          rowKey={(j) => j.id}
          loading={recent.isPending}
          empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('import.noImports')} />}
        />
      )}
    </Card>
  );
}
