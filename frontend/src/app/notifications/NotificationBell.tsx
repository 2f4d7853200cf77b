import { BellOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Empty, Popover, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationDto } from '../../api/generated/platform-client';
import { formatDateTime } from '../../shared/format';
import { notificationText } from './notificationText';
import { useLatestNotifications, useMarkRead, useUnreadCount } from './notificationsApi';

/** The bell in the header: the unread count, and the latest notifications a click away. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const latest = useLatestNotifications(open);
  const markRead = useMarkRead();

  const openNotification = (notification: NotificationDto) => {
    if (!notification.readAt) {
      markRead.mutate(notification.id);
    }
    setOpen(false);
    if (notification.link?.startsWith('/')) {
      void navigate(notification.link);
    }
  };

  const content = (
    <div className="notifications">
      {latest.isPending ? (
        <Spin />
      ) : latest.isError ? (
        <Alert type="error" showIcon message={t('notifications.loadError')} />
      ) : latest.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        // A plain list: the bell is on every page's first load, where antd's List (with its pagination) would weigh.
        <ul className="notifications__list">
          {latest.data.map((notification) => (
            <li key={notification.id} className={notification.readAt ? 'notifications__item' : 'notifications__item notifications__item--unread'}>
              <button type="button" className="notifications__open" onClick={() => openNotification(notification)}>
                <span>{notificationText(notification, t)}</span>
                <small>{formatDateTime(notification.createdAt, i18n.language)}</small>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <div className="notifications__title">
          <span>{t('notifications.title')}</span>
          <Button size="small" type="link" disabled={!unread.data} loading={markRead.isPending} onClick={() => markRead.mutate(undefined)}>
            {t('notifications.markAllRead')}
          </Button>
        </div>
      }
      content={content}
    >
      <Badge count={unread.data ?? 0} overflowCount={99} size="small">
        <Button icon={<BellOutlined />} aria-label={`${t('notifications.bell')}${unread.data ? ` (${unread.data})` : ''}`} />
      </Badge>
    </Popover>
  );
}
