import type { BackendModule, ResourceKey } from 'i18next';
import type { Language } from '.';
import type { SourceTexts } from './resources';

type Loaders = Record<Language, () => Promise<ResourceKey>>;

/**
 * The texts of a module whose pages are not part of the first load: a chunk per language, fetched the first time
 * one of its pages calls useTranslation('<module>'), so the customers page never downloads another module's words.
 * The namespaces of the first load are bundled in chinese.ts and english.ts instead.
 */
const moduleLoaders: Partial<Record<keyof SourceTexts, Loaders>> = {
  deals: {
    'zh-CN': () => import('../../features/deals/i18n/zh-CN').then(({ zhCN }) => zhCN),
    en: () => import('../../features/deals/i18n/en').then(({ en }) => en),
  },
  visits: {
    'zh-CN': () => import('../../features/visits/i18n/zh-CN').then(({ zhCN }) => zhCN),
    en: () => import('../../features/visits/i18n/en').then(({ en }) => en),
  },
  complaints: {
    'zh-CN': () => import('../../features/complaints/i18n/zh-CN').then(({ zhCN }) => zhCN),
    en: () => import('../../features/complaints/i18n/en').then(({ en }) => en),
  },
};

/** The i18next backend that reads those chunks. A failed download answers `true` (retry), so i18next tries it again. */
export const moduleTexts: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = moduleLoaders[namespace as keyof SourceTexts]?.[language as Language];
    if (!load) {
      callback(new Error(`No texts for ${namespace} in ${language}`), false);
      return;
    }
    load().then(
      (texts) => callback(null, texts),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), true),
    );
  },
};
