import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMessage } from '../../shared/ui/feedback';
import { Link, useNavigate, useParams } from 'react-router';
import { hasStatus } from '../../api/problems';
import { formatDateTime } from '../../shared/format';
import { PageError, PageLoading } from '../../shared/ui/PageStates';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useArchiveCustomer, useCustomer, useUpdateCustomer } from './api';
import { CustomerForm } from './CustomerForm';
import { StageTag } from './StageTag';

/** 412: someone saved the customer after this page loaded it; the server kept their version. */
const changedMeanwhile = 412;

export default function CustomerEditPage() {
  const { t, i18n } = useTranslation();
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
      <div className="page">
        <Result
          status="404"
          title={t('customers.notFoundTitle')}
          subTitle={t('customers.notFoundBody')}
          extra={
            <Link to="/customers">
              <Button type="primary">{t('customers.backToList')}</Button>
            </Link>
          }
        />
      </div>
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
      <div className="page-header">
        <div>
          <h2 className="page-title">
            {current.name} <StageTag stage={current.stage} />
          </h2>
          <span className="page-subtitle">
            {t('customers.meta', {
              createdAt: formatDateTime(current.createdAt, i18n.language),
              updatedAt: formatDateTime(current.updatedAt, i18n.language),
            })}
          </span>
        </div>
      </div>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('customers.conflictTitle')}
          description={t('customers.conflictBody')}
          action={
            <Button type="primary" onClick={() => void reload()} loading={customer.isFetching}>
              {t('common.reload')}
            </Button>
          }
        />
      )}
      {archive.isError && !conflict && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={problemMessage(archive.error, t)} />}
      <Card title={t('customers.editTitle')}>
        <CustomerForm
          // A reload after a conflict starts the form again from the server's version.
          key={current.version}
          initialValues={current}
          submitting={update.isPending}
          error={update.error}
          handledStatuses={[changedMeanwhile]}
          disabled={conflict}
          onCancel={() => navigate('/customers')}
          onSubmit={(fields) => update.mutate(fields, { onSuccess: () => void message.success(t('customers.saved')) })}
          extraActions={
            <Popconfirm
              title={t('customers.archiveConfirmTitle', { name: current.name })}
              description={t('customers.archiveConfirmBody')}
              okText={t('customers.archive')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: archive.isPending }}
              onConfirm={() =>
                archive.mutateAsync(current).then(() => {
                  void message.success(t('customers.archived', { name: current.name }));
                  navigate('/customers');
                }, () => undefined)
              }
            >
              <Button danger icon={<DeleteOutlined />} disabled={conflict}>
                {t('customers.archive')}
              </Button>
            </Popconfirm>
          }
        />
      </Card>
    </div>
  );
}
