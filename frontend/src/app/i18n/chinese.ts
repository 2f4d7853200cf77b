import { zhCN as customers } from '../../features/customers/i18n/zh-CN';
import type { SourceTexts } from './resources';
import { zhCN } from './zh-CN';

/** The first load's namespaces in Chinese, the default language. Other modules' texts load with their pages (moduleTexts.ts). */
export const chinese = { translation: zhCN, customers } satisfies Partial<SourceTexts>;
