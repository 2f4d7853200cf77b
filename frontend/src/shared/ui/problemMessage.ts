import type { Namespace, TFunction } from 'i18next';
import { toProblem } from '../../api/problems';

/**
 * One sentence for the user about a failed request, in their language. Takes any page's t(): the common.* keys
 * it uses are every namespace's fallback.
 */
export function problemMessage(error: unknown, t: TFunction<Namespace>): string {
  const problem = toProblem(error);
  if (problem.status === 0) {
    return t('common.networkError');
  }
  if (problem.status === 403) {
    return t('common.forbidden');
  }
  if (problem.status === 429) {
    return t('common.rateLimited');
  }
  if (problem.status === 503) {
    return t('common.unavailable');
  }
  if (problem.status >= 500) {
    return t('common.unexpectedError', { status: String(problem.status) });
  }
  const fieldMessages = Object.values(problem.errors).flat();
  return fieldMessages[0] ?? problem.detail ?? problem.title ?? t('common.unexpectedError', { status: String(problem.status) });
}
