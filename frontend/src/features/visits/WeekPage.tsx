import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth/session';
import { todayInChina } from '../../shared/format';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError } from '../../shared/ui/PageStates';
import { usePlans, useVisitRecords } from './api';
import { addDays, mondayOf, planStatusColor, slot } from './labels';
import { VisitsNav } from './VisitsNav';

/** The week at a glance, Monday to Sunday: each day's plan and the visits made (a manager sees the team's). */
export default function WeekPage() {
  const { t } = useTranslation('visits');
  const today = todayInChina();
  const [monday, setMonday] = useState(() => mondayOf(today));
  const sunday = addDays(monday, 6);
  const { data: me } = useSession();
  const plans = usePlans(monday, sunday);
  const visits = useVisitRecords({ from: monday, to: sunday }, me !== undefined);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));

  return (
    <div className="page visits-week">
      <PageHeader
        title={t('week.title')}
        subtitle={t('weekly.weekOf', { from: monday, to: sunday })}
        actions={
          <Space>
            <Button icon={<LeftOutlined />} aria-label={t('week.previous')} onClick={() => setMonday(addDays(monday, -7))} />
            <Button icon={<RightOutlined />} aria-label={t('week.next')} onClick={() => setMonday(addDays(monday, 7))} />
          </Space>
        }
      />
      <VisitsNav />
      {plans.isError || visits.isError ? (
        <PageError error={plans.error ?? visits.error} onRetry={() => void Promise.all([plans.refetch(), visits.refetch()])} />
      ) : (
        <Row gutter={[8, 8]} style={{ marginTop: 16 }} wrap className="week-calendar">
          {days.map((day) => {
            const dayPlans = (plans.data ?? []).filter((p) => p.day === day);
            const dayVisits = (visits.data ?? []).filter((v) => todayInChina(new Date(v.checkedInAt)) === day);
            return (
              <Col key={day} xs={24} md={12} xl={{ flex: '1 1 0' }}>
                <Card size="small" loading={plans.isLoading} title={day} className={day === today ? 'week-today' : undefined}>
                  {dayPlans.length === 0 && dayVisits.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('week.nothing')} />
                  ) : (
                    <Space direction="vertical" size={4} style={{ width: '100%' }}>
                      {dayPlans.map((plan) => (
                        <div key={plan.id}>
                          <Space wrap size={4}>
                            {plan.repId !== me?.id && <Typography.Text strong>{plan.repName}</Typography.Text>}
                            <Tag color={planStatusColor[plan.status]}>{t(`planStatuses.${plan.status}`)}</Tag>
                          </Space>
                          {plan.visits.map((v) => (
                            <div key={v.customerId} className="week-visit">
                              <Typography.Text type="secondary">{slot(v.from, v.to)}</Typography.Text> {v.customerName}
                              {dayVisits.some((r) => r.customerId === v.customerId && r.repId === plan.repId) && <Tag color="success" style={{ marginLeft: 4 }}>✓</Tag>}
                            </div>
                          ))}
                        </div>
                      ))}
                      <Typography.Text type="secondary">
                        {t('week.planned', { count: dayPlans.reduce((n, p) => n + p.visits.length, 0) })} · {t('week.visited', { count: dayVisits.length })}
                      </Typography.Text>
                    </Space>
                  )}
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
    </div>
  );
}
