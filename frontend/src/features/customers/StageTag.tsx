import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CustomerStage } from '../../api/generated/customers-client';

const colors: Record<CustomerStage, string> = {
  [CustomerStage.Prospect]: 'default',
  [CustomerStage.Intent]: 'processing',
  [CustomerStage.Customer]: 'success',
  [CustomerStage.Loyal]: 'gold',
};

export function StageTag({ stage }: { stage: CustomerStage }) {
  const { t } = useTranslation('customers');
  return (
    <Tag color={colors[stage]} bordered={false}>
      {t(`stages.${stage}`)}
    </Tag>
  );
}
