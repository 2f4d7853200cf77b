import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { hasStatus } from '../../api/problems';
import { formatDateTime } from '../../shared/format';
import { useMessage } from '../../shared/ui/feedback';
import { NotFound } from '../../shared/ui/NotFound';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError, PageLoading } from '../../shared/ui/PageStates';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useArchiveCustomer, useCustomer, useUpdateCustomer } from './api';
import { CustomerForm } from './CustomerForm';
import { StageTag } from './StageTag';

/** 412: someone saved the customer after this page loaded it; the server kept their version. */
const changedMeanwhile = 412;

export default function CustomerEditPage() {
  const { t, i18n } = useTranslation('customers');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const message = useMessage();
  const customer = useCustomer(id);
  const update = useUpdateCustomer(customer.data);
  const archive = useArchiveCustomer();

  if (customer.isPending) {
    return <PageLoading />;
  }
  if (customer.isError) {
    return hasStatus(customer.error, 404) || hasStatus(customer.error, 400) ? (
      <NotFound title={t('notFoundTitle')} body={t('notFoundBody')} backTo="/customers" backLabel={t('backToList')} />
    ) : (
      <PageError error={customer.error} onRetry={() => void customer.refetch()} />
    );
  }

  const current = customer.data;
  const conflict = hasStatus(update.error, changedMeanwhile) || hasStatus(archive.error, changedMeanwhile);

  const reload = async () => {
    update.reset();
    archive.reset();
    await customer.refetch();
  };

  return (
    <div className="page">
      <PageHeader
        title={
          <>
            {current.name} <StageTag stage={current.stage} />
          </>
        }
        subtitle={t('meta', {
          createdAt: formatDateTime(current.createdAt, i18n.language),
          updatedAt: formatDateTime(current.updatedAt, i18n.language),
        })}
      />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('conflictTitle')}
          description={t('conflictBody')}
          action={
            <Button type="primary" onClick={() => void reload()} loading={customer.isFetching}>
              {t('common.reload')}
            </Button>
          }
        />
      )}
      {archive.isError && !conflict && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={problemMessage(archive.error, t)} />}
      <Card title={t('editTitle')}>
        <CustomerForm
          // A reload after a conflict starts the form again from the server's version.
          key={current.version}
          initialValues={current}
          ownerName={current.ownerName}
          submitting={update.isPending}
          error={update.error}
          handledStatuses={[changedMeanwhile]}
          disabled={conflict}
          onCancel={() => void navigate(`/customers/${current.id}`)}
          onSubmit={(fields) => update.mutate(fields, { onSuccess: () => void message.success(t('saved')) })}
          extraActions={
            <Popconfirm
              title={t('archiveConfirmTitle', { name: current.name })}
              description={t('archiveConfirmBody')}
              okText={t('archive')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: archive.isPending }}
              // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd waits for a returned promise (spinner) though its type says void
              onConfirm={() =>
                archive.mutateAsync(current).then(() => {
                  void message.success(t('archived', { name: current.name }));
                  void navigate('/customers');
                }, () => undefined)
              }
            >
              <Button danger icon={<DeleteOutlined />} disabled={conflict}>
                {t('archive')}
              </Button>
            </Popconfirm>
          }
        />
      </Card>
    </div>
  );
}
