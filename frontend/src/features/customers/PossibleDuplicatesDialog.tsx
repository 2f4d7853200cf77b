import { Alert, Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DuplicatesDto } from '../../api/generated/customers-client';
import { DuplicateList } from './DuplicateList';

interface PossibleDuplicatesDialogProps {
  problem: DuplicatesDto;
  creating: boolean;
  onCreateAnyway: () => void;
  onBack: () => void;
}

/** 查重: a new customer looks like one we have; the rep opens that one, or creates this one knowingly. */
export function PossibleDuplicatesDialog({ problem, creating, onCreateAnyway, onBack }: PossibleDuplicatesDialogProps) {
  const { t } = useTranslation('customers');
  return (
    <Modal
      open
      title={t('duplicates.title')}
      onCancel={onBack}
      footer={[
        <Button key="back" onClick={onBack}>
          {t('duplicates.back')}
        </Button>,
        <Button key="create" type="primary" loading={creating} onClick={onCreateAnyway}>
          {t('duplicates.createAnyway')}
        </Button>,
      ]}
    >
      <p>{t('duplicates.body')}</p>
      {problem.candidates.length > 0 && <DuplicateList candidates={problem.candidates} />}
      {problem.otherMatches > 0 && <Alert type="info" showIcon message={t('duplicates.otherMatches', { count: problem.otherMatches })} />}
    </Modal>
  );
}
