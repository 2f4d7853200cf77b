import * as complaints from '../../features/complaints/i18n';
import * as customers from '../../features/customers/i18n';
import * as deals from '../../features/deals/i18n';
import * as visits from '../../features/visits/i18n';
import { en } from './en';
import type { Translation } from './translation';
import { zhCN } from './zh-CN';

/** One namespace's texts. Chinese is the source of its keys; the compiler holds English to the same shape. */
function namespace<T>(texts: { zhCN: T; en: NoInfer<Translation<T>> }) {
  return texts;
}

/**
 * Every namespace: the app-wide texts (app, nav, login, common) and one per feature, named after its folder.
 * A feature registers its i18n/ here with one line; its pages call useTranslation('<feature>').
 */
export const namespaces = {
  translation: namespace({ zhCN, en }),
  customers: namespace(customers),
  deals: namespace(deals),
  visits: namespace(visits),
  complaints: namespace(complaints),
};

export type NamespaceName = keyof typeof namespaces;

/** The Chinese texts of each namespace: what i18next type-checks keys and placeholders against. */
export type SourceTexts = { [N in NamespaceName]: (typeof namespaces)[N]['zhCN'] };
