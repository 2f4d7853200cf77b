import { Col, Input, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth/session';
import { todayInChina } from '../../shared/format';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError, PageLoading } from '../../shared/ui/PageStates';
import { useDayPlan, useVisitRecords } from './api';
import { DailyReportCard } from './DailyReportCard';
import { PlanCard } from './PlanCard';
import { type CheckInRequest, VisitsCard } from './VisitsCard';
import { VisitsNav } from './VisitsNav';

/** 我的一天: the day's plan, the visits as they happen, and the report after work. */
export default function MyDayPage() {
  const { t } = useTranslation('visits');
  const today = todayInChina();
  const [day, setDay] = useState(today);
  const [checkIn, setCheckIn] = useState<CheckInRequest>();
  const { data: me } = useSession();
  const plan = useDayPlan(me?.id, day);
  const visits = useVisitRecords({ day, repId: me?.id }, me !== undefined);

  return (
    <div className="page visits-day">
      <PageHeader
        title={t('day.title')}
        subtitle={t('day.subtitle')}
        actions={
          <Space wrap>
            <Input type="date" aria-label={t('day.pickDay')} value={day} onChange={(e) => e.target.value && setDay(e.target.value)} style={{ width: 160 }} />
          </Space>
        }
      />
      <VisitsNav />
      {plan.isError ? (
        <PageError error={plan.error} onRetry={() => void plan.refetch()} />
      ) : plan.isPending ? (
        <PageLoading />
      ) : (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} xl={14}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <PlanCard
                day={day}
                plan={plan.data}
                visits={visits.data ?? []}
                onCheckIn={day === today ? (v) => setCheckIn({ customerId: v.customerId, customerName: v.customerName, purpose: v.purpose }) : undefined}
              />
              <VisitsCard visits={visits.data ?? []} loading={visits.isLoading} error={visits.error} onRetry={() => void visits.refetch()} planId={plan.data?.id} today={day === today} checkIn={checkIn} onCheckIn={setCheckIn} />
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <DailyReportCard day={day} />
          </Col>
        </Row>
      )}
    </div>
  );
}
