import { CrmApiException } from './generated/platform-client';

/** An RFC 9457 problem from the API, or a stand-in for a failure that never reached it. */
export interface Problem {
  status: number;
  code?: string;
  title?: string;
  detail?: string;
  /** Field name (camelCase, as the JSON body) → messages, already in the user's language. */
  errors: Record<string, string[]>;
}

/** Status 0: the request never got an answer (offline, server down). */
export const networkFailure: Problem = { status: 0, errors: {} };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function fieldErrors(value: unknown): Record<string, string[]> {
  if (!isRecord(value)) {
    return {};
  }
  const errors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) {
      errors[field] = messages.filter((m): m is string => typeof m === 'string');
    }
  }
  return errors;
}

function fromBody(status: number, body: unknown): Problem {
  const problem = isRecord(body) ? body : {};
  return {
    status,
    code: typeof problem.code === 'string' ? problem.code : undefined,
    title: typeof problem.title === 'string' ? problem.title : undefined,
    detail: typeof problem.detail === 'string' ? problem.detail : undefined,
    errors: fieldErrors(problem.errors),
  };
}

/**
 * The generated client throws the parsed problem for documented statuses and a CrmApiException for the
 * rest; fetch itself throws a TypeError when offline. All three become one Problem.
 */
export function toProblem(error: unknown): Problem {
  if (CrmApiException.isCrmApiException(error)) {
    let body: unknown;
    try {
      body = error.response ? JSON.parse(error.response) : undefined;
    } catch {
      body = undefined;
    }
    return fromBody(error.status, body);
  }
  if (isRecord(error) && typeof error.status === 'number') {
    return fromBody(error.status, error);
  }
  return networkFailure;
}

export function hasStatus(error: unknown, status: number): boolean {
  return error !== null && error !== undefined && toProblem(error).status === status;
}

/** A 4xx: the server answered and did nothing with the request, so resending it unchanged will not help. */
export function isClientError(error: unknown): boolean {
  const status = toProblem(error).status;
  return status >= 400 && status < 500;
}
