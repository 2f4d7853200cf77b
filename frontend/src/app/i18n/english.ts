import { en as customers } from '../../features/customers/i18n/en';
import { en as deals } from '../../features/deals/i18n/en';
import { en } from './en';
import type { SourceTexts } from './resources';
import type { Translation } from './translation';

/** Every namespace in English: a chunk of its own, loaded when a reader chooses English (see changeLanguage). */
export const english = { translation: en, customers, deals } satisfies { [N in keyof SourceTexts]: Translation<SourceTexts[N]> };
