import { en as customers } from '../../features/customers/i18n/en';
import { en } from './en';
import type { chinese } from './chinese';
import type { SourceTexts } from './resources';
import type { Translation } from './translation';

/** The first load's namespaces in English: a chunk of its own, loaded when a reader chooses English (see changeLanguage). */
export const english = { translation: en, customers } satisfies { [N in keyof typeof chinese]: Translation<SourceTexts[N]> };
