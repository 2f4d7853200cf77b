import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, List, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PurchaseDto } from '../../../api/generated/customers-client';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { usePurchases } from './cardApi';

/** 成交档案: what the customer bought, when, line by line, newest first; a new deal starts from here. */
export function PurchasesPanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation('customers');
  const purchases = usePurchases(customerId);
  const money = (amount: number, currency: string) => formatMoney(amount, i18n.language, currency);
  const lineText = (purchase: PurchaseDto) =>
    purchase.lines
      .map((line) => `${[line.product, line.spec].filter(Boolean).join(' ')} × ${line.quantity}${line.unit ?? ''} @ ${money(line.unitPrice, purchase.currency)}`)
      .join('；');

  const newDeal = (
    <Link to={`/deals/new?customerId=${customerId}`}>
      <Button size="small" icon={<PlusOutlined />}>
        {t('purchases.newDeal')}
      </Button>
    </Link>
  );
  if (purchases.isPending) {
    return <Spin />;
  }
  if (purchases.isError) {
    return <Alert type="error" showIcon message={problemMessage(purchases.error, t)} />;
  }
  return (
    <>
      <div className="panel-actions">{newDeal}</div>
      {purchases.data.length === 0 ? (
        <Empty description={t('purchases.empty')} />
      ) : (
        <List
          size="small"
          dataSource={purchases.data}
          renderItem={(purchase) => (
            <List.Item key={purchase.id} className="purchase-entry">
              <List.Item.Meta
                title={
                  <>
                    {purchase.referenceId ? <Link to={`/deals/${purchase.referenceId}`}>{purchase.title}</Link> : purchase.title}{' '}
                    <Tag color="gold" bordered={false}>
                      {money(purchase.amount, purchase.currency)}
                    </Tag>
                  </>
                }
                description={
                  <>
                    <div>{formatDateTime(purchase.purchasedAt, i18n.language)}</div>
                    {purchase.lines.length > 0 && <div>{lineText(purchase)}</div>}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {purchases.hasNextPage && (
        <Button onClick={() => void purchases.fetchNextPage()} loading={purchases.isFetchingNextPage}>
          {t('card.loadMore')}
        </Button>
      )}
    </>
  );
}
