import type { TFunction } from 'i18next';
import type { NotificationDto } from '../../api/generated/platform-client';

/**
 * A notification in the user's language. The server sends a topic and its facts, not words; each topic
 * the app knows has its sentences here, and a topic it does not know yet still shows as a notification.
 */
export function notificationText(notification: Pick<NotificationDto, 'topic' | 'data'>, t: TFunction): string {
  const data = notification.data;
  if (notification.topic === 'customers.keyDateToday') {
    const customerName = data.customerName ?? '';
    if (data.contactName) {
      return t('notifications.keyDateToday.contactBirthday', { customerName, contactName: data.contactName });
    }
    if (data.label) {
      return t('notifications.keyDateToday.custom', { customerName, label: data.label });
    }
    const years = data.years;
    if (data.kind === 'companyAnniversary') {
      return years
        ? t('notifications.keyDateToday.companyAnniversaryYears', { customerName, years })
        : t('notifications.keyDateToday.companyAnniversary', { customerName });
    }
    return years ? t('notifications.keyDateToday.birthdayYears', { customerName, years }) : t('notifications.keyDateToday.birthday', { customerName });
  }
  if (notification.topic === 'customers.poolWarning') {
    return t('notifications.poolWarning', { customerName: data.customerName ?? '', poolDate: data.poolDate ?? '' });
  }
  if (notification.topic === 'customers.returnedToPool') {
    return t('notifications.returnedToPool', { customerName: data.customerName ?? '' });
  }
  if (notification.topic === 'visits.confirmTomorrow') {
    return t('notifications.confirmTomorrow', { count: Number(data.count ?? 0), date: data.date ?? '' });
  }
  if (notification.topic === 'visits.seriousMarketReport') {
    return t('notifications.seriousMarketReport', { repName: data.repName ?? '', summary: data.summary ?? '' });
  }
  const complaint = { customerName: data.customerName ?? '', title: data.title ?? '' };
  if (notification.topic === 'complaints.nearPromise') {
    return t('notifications.complaint.nearPromise', complaint);
  }
  if (notification.topic === 'complaints.breached') {
    return t('notifications.complaint.breached', complaint);
  }
  if (notification.topic === 'complaints.escalated') {
    return t('notifications.complaint.escalated', complaint);
  }
  if (notification.topic === 'visits.weeklySubmitted') {
    return t('notifications.weeklySubmitted', { teamName: data.teamName ?? '', weekStart: data.weekStart ?? '' });
  }
  return t('notifications.unknown');
}
