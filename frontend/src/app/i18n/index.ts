import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { namespaces, resources } from './resources';

const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'crm.language';

export function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

/** The language the user last chose on this browser; Chinese until they choose. */
function savedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(storageKey);
  return isLanguage(saved) ? saved : 'zh-CN';
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

export async function changeLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem(storageKey, language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources,
  ns: Object.keys(namespaces),
  defaultNS: 'translation',
  // A feature's pages use their own namespace and still reach the app-wide keys (common.save, ...).
  fallbackNS: 'translation',
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

export default i18n;
