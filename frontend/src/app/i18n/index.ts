import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { chinese } from './chinese';
import { moduleTexts } from './moduleTexts';

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

void i18n.use(initReactI18next).use(moduleTexts).init({
  resources: { 'zh-CN': chinese },
  // Bundled: the first load's namespaces; the backend (moduleTexts) reads the rest when a page first needs them.
  partialBundledLanguages: true,
  ns: Object.keys(chinese),
  defaultNS: 'translation',
  // A feature's pages use their own namespace and still reach the app-wide keys (common.save, ...).
  fallbackNS: 'translation',
  // Chinese until languageReady has added the English bundles, so i18next never asks the backend for them.
  lng: 'zh-CN',
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
