import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerDto } from '../../../api/generated/customers-client';
import { maxLengths } from '../../../api/generated/limits';
import { useMessage } from '../../../shared/ui/feedback';
import { ColleagueSelect } from '../../../shared/ui/ColleagueSelect';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useTransfer } from './cardApi';

interface TransferFields {
  toOwnerId: string;
  reason?: string;
}

/** A manager (within the team), a director or an admin gives the customer to another rep, saying why. */
export function TransferDialog({ customer, onClose }: { customer: CustomerDto; onClose: () => void }) {
  const { t } = useTranslation('customers');
  const [form] = Form.useForm<TransferFields>();
  const transfer = useTransfer(customer);
  const message = useMessage();

  return (
    <Modal
      open
      title={t('ownership.transferTitle', { name: customer.name })}
      okText={t('ownership.transfer')}
      cancelText={t('common.cancel')}
      confirmLoading={transfer.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {transfer.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problemMessage(transfer.error, t)} />}
      <Form<TransferFields>
        form={form}
        layout="vertical"
        onFinish={(fields) =>
          transfer.mutate(
            { toOwnerId: fields.toOwnerId, reason: fields.reason?.trim() || undefined },
            {
              onSuccess: (moved) => {
                void message.success(t('ownership.transferred', { name: moved.ownerName ?? '' }));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="toOwnerId" label={t('ownership.toOwner')} rules={[{ required: true, message: t('ownership.toOwnerRequired') }]}>
          <ColleagueSelect withTeam aria-label={t('ownership.toOwner')} />
        </Form.Item>
        <Form.Item name="reason" label={t('ownership.reason')}>
          <Input maxLength={maxLengths.TransferInput.reason} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
