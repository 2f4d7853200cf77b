import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCustomerComplaints } from '../../../shared/customerComplaints';
import { problemMessage } from '../../../shared/ui/problemMessage';

/** The customer's open complaints (a customer has few: the first 200 are counted), read from the Complaints module's API. */
export function ComplaintsPanel({ customerId }: { customerId: string }) {
  // The complaints module's words, loaded with this panel rather than with the customers list.
  const { t } = useTranslation('complaints');
  const open = useCustomerComplaints(customerId, true);
  const overdue = open.data?.items.filter((c) => c.overdue).length ?? 0;
  return (
    <Card
      title={t('card.title')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        <Link to={`/complaints/new?customerId=${customerId}`}>
          <Button size="small" icon={<PlusOutlined />}>
            {t('card.create')}
          </Button>
        </Link>
      }
    >
      {open.isPending ? (
        <Spin />
      ) : open.isError ? (
        <Alert type="error" showIcon message={problemMessage(open.error, t)} />
      ) : (
        <Space direction="vertical" size={4}>
          <span data-testid="open-complaints">
            {open.data.items.length === 0 ? t('card.none') : t('card.open', { count: open.data.items.length })}{' '}
            {overdue > 0 && (
              <Tag color="error" bordered={false}>
                {t('card.overdue', { count: overdue })}
              </Tag>
            )}
          </span>
          <Link to={`/complaints?customerId=${customerId}`}>{t('card.all')}</Link>
          {open.data.items.length > 0 && <Link to={`/complaints?customerId=${customerId}&open=true`}>{t('card.openList')}</Link>}
        </Space>
      )}
    </Card>
  );
}
