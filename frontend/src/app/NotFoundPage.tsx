import { useTranslation } from 'react-i18next';
import { NotFound } from '../shared/ui/NotFound';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return <NotFound title={t('common.notFoundTitle')} body={t('common.notFoundBody')} backTo="/" backLabel={t('common.backHome')} />;
}
