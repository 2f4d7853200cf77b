import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { chinese } from './chinese';

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

let englishLoaded: Promise<void> | undefined;

/** English is a chunk of its own: most readers never download it. A failed download may be tried again. */
function loadEnglish(): Promise<void> {
  englishLoaded ??= import('./english')
    .then(({ english }) => {
      for (const [namespace, texts] of Object.entries(english)) {
        i18n.addResourceBundle('en', namespace, texts);
      }
    })
    .catch((error: unknown) => {
      englishLoaded = undefined;
      throw error;
    });
  return englishLoaded;
}

export async function changeLanguage(language: Language): Promise<void> {
  if (language === 'en') {
    await loadEnglish();
  }
  globalThis.localStorage?.setItem(storageKey, language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': chinese },
  partialBundledLanguages: true,
  ns: Object.keys(chinese),
  defaultNS: 'translation',
  // A feature's pages use their own namespace and still reach the app-wide keys (common.save, ...).
  fallbackNS: 'translation',
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

/** Settles when the saved language's texts are loaded: the app renders after it, so an English reader never sees Chinese first. */
export const languageReady: Promise<unknown> =
  savedLanguage() === 'en'
    ? // Without the English texts (a lost connection, a deploy that removed the chunk) the app still opens, in Chinese.
      changeLanguage('en').catch(() => changeLanguage('zh-CN'))
    : Promise.resolve();

export default i18n;
