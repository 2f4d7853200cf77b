import type { ObjectionScriptDto } from '../../api/generated/deals-client';

/** A script in the reader's language: Chinese by default, English for an English reader. */
export function scriptText(script: Pick<ObjectionScriptDto, 'text' | 'englishText'>, language: string): string {
  return language === 'en' ? script.englishText : script.text;
}
