import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Button, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ComplaintDto, ComplaintStepKind } from '../../api/generated/complaints-client';
import { useMessage } from '../../shared/ui/feedback';
import { useComplaintSteps } from './api';
import { AnswerSearch } from './AnswersPage';

interface AnswerPickerProps {
  complaint: ComplaintDto;
  choosing: boolean;
  onChoose: (answerId: string) => void;
  onClose: () => void;
}

/** Search the standard answers from a complaint and give one: the complaint links it (once) and its usage count grows. */
export function AnswerPicker({ complaint, choosing, onChoose, onClose }: AnswerPickerProps) {
  const { t } = useTranslation('complaints');
  const steps = useComplaintSteps(complaint.id);
  const message = useMessage();
  const used = new Set((steps.data ?? []).filter((s) => s.kind === ComplaintStepKind.AnswerUsed).map((s) => s.answerId));
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => void message.success(t('answers.copied')),
      () => undefined,
    );
  return (
    <Modal open width={760} title={t('answers.useTitle')} footer={null} onCancel={onClose}>
      <AnswerSearch
        activeOnly
        actions={(answer) => (
          <Space>
            <Button size="small" icon={<CopyOutlined />} onClick={() => void copy(answer.answer)}>
              {t('answers.copy')}
            </Button>
            <Button size="small" type="primary" icon={<CheckOutlined />} disabled={used.has(answer.id)} loading={choosing} onClick={() => onChoose(answer.id)}>
              {used.has(answer.id) ? t('answers.used') : t('answers.use')}
            </Button>
          </Space>
        )}
      />
    </Modal>
  );
}
