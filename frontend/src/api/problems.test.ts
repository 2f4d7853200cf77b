import { describe, expect, it } from 'vitest';
import { CrmApiException } from './generated/platform-client';
import { hasStatus, toProblem } from './problems';

describe('toProblem', () => {
  it('reads field errors and the code from a documented validation problem', () => {
    const thrown = {
      status: 400,
      title: 'One or more fields are invalid.',
      code: 'validation',
      errors: { email: ['不是有效的电子邮箱地址。'], name: ['必填。'] },
    };

    expect(toProblem(thrown)).toEqual({
      status: 400,
      code: 'validation',
      title: 'One or more fields are invalid.',
      detail: undefined,
      errors: { email: ['不是有效的电子邮箱地址。'], name: ['必填。'] },
    });
  });

  it('parses the body of a status the operation does not document', () => {
    const body = JSON.stringify({ status: 409, code: 'idempotency.in_progress', detail: 'Still running.' });
    const thrown = new CrmApiException('Conflict', 409, body, {}, null);

    expect(toProblem(thrown)).toMatchObject({ status: 409, code: 'idempotency.in_progress', detail: 'Still running.', errors: {} });
  });

  it('survives a body that is not JSON', () => {
    expect(toProblem(new CrmApiException('Bad gateway', 502, '<html>', {}, null))).toMatchObject({ status: 502, errors: {} });
  });

  it('treats a failure without a response as status 0', () => {
    expect(toProblem(new TypeError('Failed to fetch')).status).toBe(0);
  });

  it('tells statuses apart for the pages that handle them', () => {
    const stale = { status: 412, title: 'Precondition failed' };
    expect(hasStatus(stale, 412)).toBe(true);
    expect(hasStatus(stale, 404)).toBe(false);
    expect(hasStatus(null, 412)).toBe(false);
  });
});
