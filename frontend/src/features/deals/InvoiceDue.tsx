import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvoiceDto } from '../../api/generated/deals-client';

/** An invoice's due day, and whether it is overdue (by how many days) or settled. */
export function InvoiceDue({ invoice }: { invoice: Pick<InvoiceDto, 'dueOn' | 'daysOverdue' | 'outstanding'> }) {
  const { t } = useTranslation('deals');
  return (
    <Space size={4}>
      {invoice.dueOn}
      {invoice.daysOverdue > 0 && <Tag color="error">{t('collections.daysOverdue', { days: String(invoice.daysOverdue) })}</Tag>}
      {invoice.outstanding === 0 && <Tag color="success">{t('collections.settled')}</Tag>}
    </Space>
  );
}
