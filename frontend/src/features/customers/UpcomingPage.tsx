import { Alert, Card, Empty, List, Radio, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KeyDateKind, type UpcomingKeyDateDto } from '../../api/generated/customers-client';
import { PageHeader } from '../../shared/ui/PageHeader';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useUpcomingFestivals, useUpcomingKeyDates } from './api';

const windows = [7, 14, 30] as const;

/** 重要日子: the birthdays, anniversaries and festivals ahead, so greetings go out in time. */
export default function UpcomingPage() {
  const { t } = useTranslation('customers');
  const [days, setDays] = useState<(typeof windows)[number]>(14);
  const festivals = useUpcomingFestivals(days);
  const keyDates = useUpcomingKeyDates(days);

  const when = (daysAway: number) => (daysAway === 0 ? t('upcoming.today') : t('upcoming.inDays', { count: daysAway }));
  const what = (date: UpcomingKeyDateDto) => {
    const kind = date.label ?? t(`keyDateKinds.${date.kind}`);
    const years =
      date.years === undefined
        ? ''
        : date.kind === KeyDateKind.Birthday
          ? t('upcoming.age', { years: String(date.years) })
          : t('upcoming.anniversary', { years: String(date.years) });
    return `${date.contactName ?? t('upcoming.self')} · ${kind}${years}`;
  };

  return (
    <div className="page">
      <PageHeader
        title={t('upcoming.title')}
        subtitle={t('upcoming.subtitle')}
        actions={
          <Radio.Group
            optionType="button"
            value={days}
            onChange={(event) => setDays(event.target.value as (typeof windows)[number])}
            options={windows.map((window) => ({ value: window, label: t('upcoming.window', { count: window }) }))}
          />
        }
      />
      <Card size="small" title={t('upcoming.festivalsTitle')} style={{ marginBottom: 16 }}>
        {festivals.isPending ? (
          <Spin />
        ) : festivals.isError ? (
          <Alert type="error" showIcon message={problemMessage(festivals.error, t)} />
        ) : festivals.data.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('upcoming.festivalsEmpty')} />
        ) : (
          <div className="festival-list">
            {festivals.data.map((festival) => (
              <Tag key={festival.festival} color="red" bordered={false}>
                {t(`festivals.${festival.festival}`)} · {festival.date} · {when(festival.daysAway)}
              </Tag>
            ))}
          </div>
        )}
      </Card>
      <Card size="small" title={t('upcoming.datesTitle')}>
        {keyDates.isPending ? (
          <Spin />
        ) : keyDates.isError ? (
          <Alert type="error" showIcon message={problemMessage(keyDates.error, t)} />
        ) : keyDates.data.length === 0 ? (
          <Empty description={t('upcoming.datesEmpty', { count: days })} />
        ) : (
          <List
            size="small"
            className="upcoming-list"
            dataSource={keyDates.data}
            renderItem={(date) => (
              <List.Item key={`${date.customerId}-${date.keyDateId ?? date.contactId ?? 'self'}-${date.kind}`}>
                <List.Item.Meta
                  title={
                    <>
                      <Link to={`/customers/${date.customerId}`}>{date.customerName}</Link>{' '}
                      <Tag color={date.daysAway === 0 ? 'red' : 'blue'} bordered={false}>
                        {when(date.daysAway)}
                      </Tag>
                    </>
                  }
                  description={`${date.date} · ${what(date)}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
