import 'i18next';
import type { SourceTexts } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // A feature's t() also finds the app-wide keys (common.save, ...), as at run time.
    fallbackNS: 'translation';
    resources: SourceTexts;
  }
}
