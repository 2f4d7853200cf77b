import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from './i18n';

/** One click to the other language, labelled in that language so a reader of either can find it. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const toEnglish = i18n.language !== 'en';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      title={t('app.language')}
      lang={toEnglish ? 'en' : 'zh-CN'}
      onClick={() => void changeLanguage(toEnglish ? 'en' : 'zh-CN')}
    >
      {toEnglish ? 'English' : '中文'}
    </Button>
  );
}
