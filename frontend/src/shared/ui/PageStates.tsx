import { Alert, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from './problemMessage';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-state" role="status" aria-live="polite">
      <Spin size="large" />
      <span className="page-state__text">{t('common.loading')}</span>
    </div>
  );
}

export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="page-state--error">
      <Alert
        type="error"
        showIcon
        message={t('common.errorTitle')}
        description={problemMessage(error, t)}
        action={
          onRetry && (
            <Button size="small" type="primary" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          )
        }
      />
    </div>
  );
}
