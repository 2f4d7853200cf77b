import { zhCN as customers } from '../../features/customers/i18n/zh-CN';
import { zhCN as deals } from '../../features/deals/i18n/zh-CN';
import type { SourceTexts } from './resources';
import { zhCN } from './zh-CN';

/** Every namespace in Chinese, the default language: part of the first load. */
export const chinese = { translation: zhCN, customers, deals } satisfies SourceTexts;
