import { Alert, Button, Card, Form, InputNumber, Select, Space, Switch } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/client';
import { type CustomerSettingsDto, type CustomerSettingsInput, PriorityTier } from '../../api/generated/customers-client';
import { hasStatus } from '../../api/problems';
import { useSession } from '../../app/auth/session';
import { useMessage } from '../../shared/ui/feedback';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PageError, PageLoading } from '../../shared/ui/PageStates';
import { problemMessage } from '../../shared/ui/problemMessage';
import { customerKeys } from './api';

const settingsKey = [...customerKeys.all, 'settings'] as const;
const tiers = [PriorityTier.Priority, PriorityTier.General, PriorityTier.Last] as const;
/** The server's bounds (ChangeCustomerSettingsValidator): at most every five years; totals in yuan below a trillion. */
const longestDays = 1830;
const maxTotal = 999_999_999_999.99;

function useSaveSettings(settings: CustomerSettingsDto | undefined) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CustomerSettingsInput) => api.customers.changeSettings(`"${settings?.version}"`, input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(settingsKey, saved);
      // Due dates, overdue tags and the pool's allowance follow the settings.
      await queryClient.invalidateQueries({ queryKey: customerKeys.all, predicate: (query) => query.queryKey !== settingsKey && query.queryKey[1] !== 'settings' });
    },
    onError: (error) => (hasStatus(error, 412) ? queryClient.invalidateQueries({ queryKey: settingsKey }) : undefined),
  });
}

/** The admin's page for the rules every customer follows: how often each tier is called and visited, when a record is stale, the pool, value tiers and the loyal rule. */
export default function SettingsPage() {
  const { t } = useTranslation('customers');
  const api = useApi();
  const message = useMessage();
  const { data: me } = useSession();
  const settings = useQuery({ queryKey: settingsKey, queryFn: ({ signal }) => api.customers.getSettings(signal) });
  const save = useSaveSettings(settings.data);
  const [form] = Form.useForm<CustomerSettingsInput>();
  const canChange = me?.role === 'Admin';

  if (settings.isPending) {
    return <PageLoading />;
  }
  if (settings.isError) {
    return <PageError error={settings.error} onRetry={() => void settings.refetch()} />;
  }

  const days = (name: (string | number)[], label: string, min = 1, max = longestDays) => (
    <Form.Item name={name} label={label} rules={[{ required: true, type: 'number', min, max }]}>
      <InputNumber min={min} max={max} precision={0} addonAfter={t('settings.days')} style={{ width: 180 }} />
    </Form.Item>
  );

  return (
    <div className="page">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {!canChange && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('settings.readOnly')} />}
      {save.isError && (
        <Alert
          type={hasStatus(save.error, 412) ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          message={hasStatus(save.error, 412) ? t('settings.changedMeanwhile') : problemMessage(save.error, t)}
        />
      )}
      <Form<CustomerSettingsInput>
        // A reload (after someone else's change) starts the form again from the server's values.
        key={settings.data.version}
        form={form}
        layout="vertical"
        disabled={!canChange}
        initialValues={settings.data}
        onFinish={(input) => save.mutate(input, { onSuccess: () => void message.success(t('settings.saved')) })}
      >
        <Card title={t('settings.cadence')} size="small" style={{ marginBottom: 16 }}>
          {tiers.map((tier) => (
            <div key={tier}>
              <Space size="large" align="end" wrap>
                <strong style={{ display: 'inline-block', width: 64, paddingBottom: 30 }}>{t(`priorityTiers.${tier}`)}</strong>
                {days(['cadence', tier, 'callEveryDays'], t('settings.callEveryDays'))}
                {days(['cadence', tier, 'visitEveryDays'], t('settings.visitEveryDays'))}
              </Space>
            </div>
          ))}
          {days(['staleAfterDays'], t('settings.staleAfterDays'))}
        </Card>
        <Card title={t('settings.pool')} size="small" style={{ marginBottom: 16 }}>
          {days(['pool', 'returnAfterDays'], t('settings.returnAfterDays'))}
          {days(['pool', 'warningDays'], t('settings.warningDays'), 0)}
          <Form.Item name={['pool', 'claimsPerDay']} label={t('settings.claimsPerDay')} rules={[{ required: true, type: 'number', min: 1, max: 1000 }]}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: 180 }} />
          </Form.Item>
          {days(['pool', 'reclaimAfterDays'], t('settings.reclaimAfterDays'), 0)}
        </Card>
        <Card title={t('settings.valueTiers')} size="small" style={{ marginBottom: 16 }}>
          <Form.Item name={['valueTiers', 'windowMonths']} label={t('settings.windowMonths')} rules={[{ required: true, type: 'number', min: 1, max: 60 }]}>
            <InputNumber min={1} max={60} precision={0} addonAfter={t('settings.months')} style={{ width: 180 }} />
          </Form.Item>
          {(['a', 'b'] as const).map((tier) => (
            <Space key={tier} size="large" align="end" wrap>
              <Form.Item name={['valueTiers', `${tier}Total`]} label={t(`settings.${tier}Total`)} rules={[{ required: true, type: 'number', min: 0, max: maxTotal }]}>
                <InputNumber min={0} max={maxTotal} precision={2} addonAfter={t('settings.yuan')} style={{ width: 240 }} />
              </Form.Item>
              <Form.Item name={['valueTiers', `${tier}Purchases`]} label={t(`settings.${tier}Purchases`)} rules={[{ required: true, type: 'number', min: 1, max: 10000 }]}>
                <InputNumber min={1} max={10000} precision={0} addonAfter={t('settings.times')} style={{ width: 180 }} />
              </Form.Item>
            </Space>
          ))}
        </Card>
        <Card title={t('settings.loyalty')} size="small" style={{ marginBottom: 16 }}>
          <Form.Item name={['loyalty', 'relationshipLevel']} label={t('settings.loyalLevel')}>
            <Select<number>
              allowClear
              placeholder={t('settings.loyalLevelOff')}
              style={{ width: 240 }}
              options={[1, 2, 3, 4].map((level) => ({ value: level, label: t(`relationshipLevels.level${level as 1 | 2 | 3 | 4}`) }))}
            />
          </Form.Item>
          <Form.Item name={['loyalty', 'countReferrals']} label={t('settings.countReferrals')} valuePropName="checked" extra={t('settings.countReferralsLater')}>
            <Switch disabled />
          </Form.Item>
        </Card>
        {canChange && (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </div>
  );
}
