import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DealCardDto } from '../../api/generated/deals-client';
import { hasStatus } from '../../api/problems';
import { formatMoney, todayInChina } from '../../shared/format';
import { useMessage } from '../../shared/ui/feedback';
import { problemMessage } from '../../shared/ui/problemMessage';
import { useWinDeal } from './api';

/** 成交: the day the deal was won (today unless it is recorded after the fact); the customer's archive learns it. */
export function WinDialog({ deal, onClose, onWon }: { deal: Pick<DealCardDto, 'id' | 'version' | 'title' | 'amount' | 'currency'>; onClose: () => void; onWon: () => void }) {
  const { t, i18n } = useTranslation('deals');
  const [form] = Form.useForm<{ wonOn: string }>();
  const win = useWinDeal();
  const message = useMessage();
  const today = todayInChina();

  return (
    <Modal
      open
      title={t('win.title', { title: deal.title })}
      okText={t('win.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={win.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <p>{t('win.body', { amount: formatMoney(deal.amount, i18n.language, deal.currency) })}</p>
      {win.isError && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={hasStatus(win.error, 412) ? t('board.changedElsewhere') : problemMessage(win.error, t)} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ wonOn: today }}
        onFinish={({ wonOn }) =>
          win.mutate(
            { deal, wonOn },
            {
              onSuccess: () => {
                void message.success(t('win.done', { title: deal.title }));
                onWon();
              },
            },
          )
        }
      >
        <Form.Item name="wonOn" label={t('win.wonOn')} rules={[{ required: true, message: t('win.wonOnRequired') }]}>
          <Input type="date" max={today} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
