import { EditOutlined, InboxOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Popconfirm, Result, Row, Space, Tabs, Tag } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { CustomerDto } from '../../../api/generated/customers-client';
import { hasStatus } from '../../../api/problems';
import { useSession } from '../../../app/auth/session';
import { formatDateTime } from '../../../shared/format';
import { NotFound } from '../../../shared/ui/NotFound';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { PageError, PageLoading } from '../../../shared/ui/PageStates';
import { useMessage } from '../../../shared/ui/feedback';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { mergedIntoOf, useCustomer } from '../api';
import { KeyCustomerTag, PriorityTierTag, ValueTierTag } from '../ClassificationTags';
import { StageTag } from '../StageTag';
import { ComplaintsPanel } from './ComplaintsPanel';
import { ContactsPanel } from './ContactsPanel';
import { DuplicatesPanel } from './DuplicatesPanel';
import { HistoryPanel } from './HistoryPanel';
import { useRelease } from './cardApi';
import { KeyDatesPanel } from './KeyDatesPanel';
import { OwnershipPanel } from './OwnershipPanel';
import { ProfilePanel } from './ProfilePanel';
import { PurchasesPanel } from './PurchasesPanel';
import { TimelinePanel } from './TimelinePanel';
import { TransferDialog } from './TransferDialog';
import { ValuePanel } from './ValuePanel';

/** Who moves customers between reps and merges duplicates (the server decides; this only hides buttons that would answer 403). */
const managingRoles = ['Manager', 'Director', 'Admin'];

/** 客户关系卡: everything about one customer on one page — who they are, where the relationship stands, and what happened. */
export default function CustomerCardPage() {
  const { t, i18n } = useTranslation('customers');
  const { id = '' } = useParams();
  const customer = useCustomer(id);
  const { data: me } = useSession();
  const [transferring, setTransferring] = useState(false);
  const navigate = useNavigate();
  const message = useMessage();

  if (customer.isPending) {
    return <PageLoading />;
  }
  if (customer.isError) {
    const survivorId = mergedIntoOf(customer.error);
    if (survivorId) {
      return <MergedNotice survivorId={survivorId} />;
    }
    return hasStatus(customer.error, 404) || hasStatus(customer.error, 400) ? (
      <NotFound title={t('notFoundTitle')} body={t('notFoundBody')} backTo="/customers" backLabel={t('backToList')} />
    ) : (
      <PageError error={customer.error} onRetry={() => void customer.refetch()} />
    );
  }

  const current = customer.data;
  const manages = !!me && managingRoles.includes(me.role);
  const cadence = current.cadence;
  const dateOrNever = (iso: string | undefined) => (iso ? formatDateTime(iso, i18n.language) : t('card.never'));
  const subtitle = [current.company, current.phone, current.ownerName && `${t('fields.owner')}：${current.ownerName}`].filter(Boolean).join(' · ');

  return (
    <div className="page customer-card">
      <PageHeader
        title={
          <>
            {current.name} <StageTag stage={current.stage} /> <KeyCustomerTag importance={current.importance} />{' '}
            <PriorityTierTag tier={current.priorityTier} />{' '}
            <Tag bordered={false}>{t(`relationshipLevels.level${current.relationshipLevel as 1 | 2 | 3 | 4}`)}</Tag>{' '}
            <ValueTierTag tier={current.value?.tier} />
          </>
        }
        subtitle={subtitle}
        actions={
          <Space>
            <ReleaseButton customer={current} onReleased={() => void navigate('/customers')} onFailed={(error) => void message.error(problemMessage(error, t))} />
            {manages && (
              <Button icon={<SwapOutlined />} onClick={() => setTransferring(true)}>
                {t('ownership.transfer')}
              </Button>
            )}
            <Link to={`/customers/${current.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />}>
                {t('card.edit')}
              </Button>
            </Link>
          </Space>
        }
      />
      {cadence?.stale && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('card.staleTitle')} description={t('card.staleBody')} />}
      <DuplicatesPanel customer={current} mayMerge={manages} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('card.cadenceTitle')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('card.lastContacted')}>{dateOrNever(current.lastContactedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('card.nextCall')}>
                {cadence?.nextCallDue}{' '}
                {cadence?.callOverdue && (
                  <Tag color="error" bordered={false}>
                    {t('callOverdue')}
                  </Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('card.lastVisited')}>{dateOrNever(current.lastVisitedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('card.nextVisit')}>
                {cadence?.nextVisitDue}{' '}
                {cadence?.visitOverdue && (
                  <Tag color="warning" bordered={false}>
                    {t('visitOverdue')}
                  </Tag>
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <ValuePanel customer={current} />
          <Card size="small">
            <Tabs
              items={[
                { key: 'timeline', label: t('card.timelineTab'), children: <TimelinePanel customerId={current.id} /> },
                { key: 'purchases', label: t('purchases.tab'), children: <PurchasesPanel customerId={current.id} /> },
                { key: 'history', label: t('card.historyTab'), children: <HistoryPanel customerId={current.id} /> },
                { key: 'ownership', label: t('ownership.tab'), children: <OwnershipPanel customerId={current.id} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          {/* Its words and client load with it: the rest of the card does not wait for them. */}
          <Suspense fallback={<Card size="small" loading style={{ marginBottom: 16 }} />}>
            <ComplaintsPanel customerId={current.id} />
          </Suspense>
          <ProfilePanel customer={current} />
          <ContactsPanel customerId={current.id} />
          <KeyDatesPanel customerId={current.id} />
        </Col>
      </Row>
      {transferring && <TransferDialog customer={current} onClose={() => setTransferring(false)} />}
    </div>
  );
}

/** A merged-away customer's address: where the customer went. */
function MergedNotice({ survivorId }: { survivorId: string }) {
  const { t } = useTranslation('customers');
  const navigate = useNavigate();
  return (
    <div className="page">
      <Result
        status="info"
        title={t('duplicates.mergedTitle')}
        subTitle={t('duplicates.mergedBody')}
        extra={
          <Button type="primary" onClick={() => void navigate(`/customers/${survivorId}`)}>
            {t('duplicates.openSurvivor')}
          </Button>
        }
      />
    </div>
  );
}

function ReleaseButton({ customer, onReleased, onFailed }: { customer: CustomerDto; onReleased: () => void; onFailed: (error: unknown) => void }) {
  const { t } = useTranslation('customers');
  const release = useRelease(customer);
  const message = useMessage();
  return (
    <Popconfirm
      title={t('pool.releaseTitle', { name: customer.name })}
      description={t('pool.releaseBody')}
      okText={t('pool.release')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: release.isPending }}
      onConfirm={() =>
        release.mutate(undefined, {
          onSuccess: () => {
            void message.success(t('pool.released'));
            onReleased();
          },
          onError: onFailed,
        })
      }
    >
      <Button icon={<InboxOutlined />}>{t('pool.release')}</Button>
    </Popconfirm>
  );
}
