import { Alert, Form, Input, Modal, Result } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/client';
import type { BulkTransferInput } from '../../api/generated/customers-client';
import { maxLengths } from '../../api/generated/limits';
import { useIdempotencyKey } from '../../shared/idempotency';
import { ColleagueSelect, ColleaguesSelect } from '../../shared/ui/ColleagueSelect';
import { problemMessage } from '../../shared/ui/problemMessage';
import { customerKeys } from './api';

function useBulkTransfer() {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (transfer: BulkTransferInput) => api.customers.bulkTransfer(idempotency.key, transfer),
    onError: idempotency.renewAfterClientError,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

/** Hands a leaving rep's whole book to one or several reps; shows how it was shared out. */
export function BulkTransferDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('customers');
  const [form] = Form.useForm<BulkTransferInput>();
  const transfer = useBulkTransfer();
  const done = transfer.data;

  return (
    <Modal
      open
      title={t('ownership.bulkTitle')}
      okText={done ? t('common.close') : t('ownership.bulk')}
      cancelText={t('common.cancel')}
      confirmLoading={transfer.isPending}
      onOk={() => (done ? onClose() : form.submit())}
      onCancel={onClose}
      cancelButtonProps={{ style: done ? { display: 'none' } : undefined }}
      destroyOnHidden
    >
      {done ? (
        <Result
          status="success"
          title={t('ownership.bulkDone', { count: done.moved })}
          subTitle={done.shares.map((share) => t('ownership.bulkShare', { name: share.ownerName ?? share.ownerId, count: share.customers })).join('；')}
        />
      ) : (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('ownership.bulkHint')} />
          {transfer.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problemMessage(transfer.error, t)} />}
          <Form<BulkTransferInput>
            form={form}
            layout="vertical"
            onFinish={(fields) => transfer.mutate({ ...fields, reason: fields.reason?.trim() || undefined })}
          >
            <Form.Item name="fromOwnerId" label={t('ownership.fromOwner')} rules={[{ required: true, message: t('ownership.fromOwnerRequired') }]}>
              <ColleagueSelect withTeam aria-label={t('ownership.fromOwner')} />
            </Form.Item>
            <Form.Item name="toOwnerIds" label={t('ownership.toOwners')} rules={[{ required: true, message: t('ownership.toOwnersRequired') }]}>
              <ColleaguesSelect withTeam aria-label={t('ownership.toOwners')} />
            </Form.Item>
            <Form.Item name="reason" label={t('ownership.reason')}>
              <Input maxLength={maxLengths.BulkTransferInput.reason} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
