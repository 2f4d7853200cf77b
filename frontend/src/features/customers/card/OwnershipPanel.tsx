import { Alert, Empty, List, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useOwnershipHistory } from './cardApi';

/** 归属记录: every change of owner, newest first — who moved the customer, from whom to whom, and why. */
export function OwnershipPanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation('customers');
  const history = useOwnershipHistory(customerId);

  if (history.isPending) {
    return <Spin />;
  }
  if (history.isError) {
    return <Alert type="error" showIcon message={problemMessage(history.error, t)} />;
  }
  if (history.data.length === 0) {
    return <Empty description={t('ownership.empty')} />;
  }
  return (
    <List
      size="small"
      dataSource={history.data}
      renderItem={(change) => (
        <List.Item key={change.id}>
          <div className="history-entry">
            <Tag bordered={false}>{t(`ownership.kinds.${change.kind}`)}</Tag>
            <strong>
              {t('ownership.line', {
                from: change.fromOwnerId ? (change.fromOwnerName ?? change.fromOwnerId) : t('pool.title'),
                to: change.toOwnerId ? (change.toOwnerName ?? change.toOwnerId) : t('pool.title'),
              })}
            </strong>{' '}
            <span className="muted">
              {formatDateTime(change.changedAt, i18n.language)} {t('ownership.by', { name: change.changedByName ?? t('card.system') })}
            </span>
            {change.reason && <div>{change.reason}</div>}
          </div>
        </List.Item>
      )}
    />
  );
}
