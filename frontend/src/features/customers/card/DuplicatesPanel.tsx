import { Alert, Button, Card, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDto, DuplicateCandidateDto } from '../../../api/generated/customers-client';
import { hasStatus } from '../../../api/problems';
import { useMessage } from '../../../shared/ui/feedback';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { DuplicateList } from '../DuplicateList';
import { useDuplicates, useMerge } from './cardApi';

interface DuplicatesPanelProps {
  customer: CustomerDto;
  /** Managers (within their team), directors and admins: the server decides, this only hides a button that would answer 403. */
  mayMerge: boolean;
}

/** Shown only when the customer may exist twice: the other records, and for a manager the merge into this one. */
export function DuplicatesPanel({ customer, mayMerge }: DuplicatesPanelProps) {
  const { t } = useTranslation('customers');
  const duplicates = useDuplicates(customer.id);
  const merge = useMerge(customer);
  const message = useMessage();
  const [merging, setMerging] = useState<DuplicateCandidateDto>();

  if (!duplicates.data || (duplicates.data.candidates.length === 0 && duplicates.data.otherMatches === 0)) {
    return null;
  }
  const confirm = (duplicate: DuplicateCandidateDto) =>
    merge.mutate(duplicate, {
      onSuccess: () => {
        void message.success(t('duplicates.merged', { name: duplicate.name }));
        setMerging(undefined);
      },
      onError: (error) => {
        setMerging(undefined);
        void message.error(hasStatus(error, 412) ? t('duplicates.changedMeanwhile') : problemMessage(error, t));
      },
    });

  return (
    <Card size="small" title={t('duplicates.cardTitle')} className="duplicates-panel" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('duplicates.cardHint')}</Typography.Paragraph>
      <DuplicateList
        candidates={duplicates.data.candidates}
        action={
          mayMerge
            ? (candidate) => (
                <Button size="small" onClick={() => setMerging(candidate)}>
                  {t('duplicates.merge')}
                </Button>
              )
            : undefined
        }
      />
      {duplicates.data.otherMatches > 0 && <Alert type="info" showIcon message={t('duplicates.otherMatches', { count: duplicates.data.otherMatches })} />}
      {merging && (
        <Modal
          open
          title={t('duplicates.mergeTitle', { duplicate: merging.name, survivor: customer.name })}
          okText={t('duplicates.merge')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          confirmLoading={merge.isPending}
          onOk={() => confirm(merging)}
          onCancel={() => setMerging(undefined)}
        >
          <p>{t('duplicates.mergeBody', { duplicate: merging.name })}</p>
        </Modal>
      )}
    </Card>
  );
}
