import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModuleKey } from './modules';

export default function NotAvailablePage({ module }: { module: ModuleKey }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <Result
        status="info"
        title={t('common.notAvailableTitle', { module: t(`nav.${module}`) })}
        subTitle={t('common.notAvailableBody')}
      />
    </div>
  );
}
