import { describe, expect, it } from 'vitest';
import { splitFieldErrors } from './serverErrors';

describe('splitFieldErrors', () => {
  it('puts messages under the form fields they name and keeps the rest for the form banner', () => {
    const { onFields, elsewhere } = splitFieldErrors(
      { email: ['不是有效的电子邮箱地址。'], ownerId: ['No user exists.'], 'address.city': ['必填。'] },
      ['name', 'email', 'ownerId'],
    );

    expect(onFields).toEqual([
      { name: 'email', errors: ['不是有效的电子邮箱地址。'] },
      { name: 'ownerId', errors: ['No user exists.'] },
    ]);
    expect(elsewhere).toEqual(['必填。']);
  });
});
