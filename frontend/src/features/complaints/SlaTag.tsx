import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintDto } from '../../api/generated/complaints-client';
import { isOpen, slaClock, useNow } from './labels';

/** The promised time as a countdown while the complaint is open; afterwards whether it was met. */
export function SlaTag({ complaint }: { complaint: ComplaintDto }) {
  const { t } = useTranslation('complaints');
  const now = useNow();
  if (!isOpen(complaint.status)) {
    const late = complaint.resolvedAt !== undefined && new Date(complaint.resolvedAt) > new Date(complaint.promisedAt);
    return (
      <Tag color={late ? 'warning' : 'success'} bordered={false}>
        {t(late ? 'sla.doneLate' : 'sla.done')}
      </Tag>
    );
  }
  const clock = slaClock(complaint.promisedAt, now);
  return (
    <span className="sla-tag">
      <Tag color={clock.overdue ? 'error' : clock.hours < 4 ? 'warning' : 'processing'} bordered={false}>
        {t(clock.overdue ? 'sla.overdue' : 'sla.left', { hours: clock.hours, minutes: clock.minutes })}
      </Tag>
      {complaint.escalatedAt ? (
        <Tag color="red">{t('sla.escalated')}</Tag>
      ) : (
        complaint.breachedAt && <Tag color="red">{t('sla.breached')}</Tag>
      )}
    </span>
  );
}
