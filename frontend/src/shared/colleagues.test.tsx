import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../test/fakeServer';
import { useColleagueSearch } from './colleagues';

const searched = (url: string) => new URLSearchParams(url.split('?')[1]).get('q');
const user = (id: string, displayName: string) => ({ id, userName: id, displayName });

describe('useColleagueSearch', () => {
  it('narrows the previous answer to what was typed until the server answers for it, then shows the server’s answer', async () => {
    const { sent, wrapper } = fakeServer((request) =>
      searched(request.url) === '赵'
        ? { status: 200, body: { items: [user('u2', '赵西川'), user('u4', '赵东')] } }
        : { status: 200, body: { items: [user('u1', '刘洋'), user('u2', '赵西川'), user('u3', '王芳')] } },
    );
    const { result, rerender } = renderHook(({ typed }) => useColleagueSearch(typed), { wrapper, initialProps: { typed: '' } });
    await waitFor(() => expect(result.current.matches.map((u) => u.displayName)).toEqual(['刘洋', '赵西川', '王芳']));
    expect(result.current.searching).toBe(false);

    rerender({ typed: ' 赵' });
    expect(result.current.matches.map((u) => u.displayName)).toEqual(['赵西川']);
    expect(result.current.searching).toBe(true);

    await waitFor(() => expect(result.current.matches.map((u) => u.displayName)).toEqual(['赵西川', '赵东']));
    expect(result.current.searching).toBe(false);
    expect(sent.map((r) => searched(r.url))).toEqual([null, '赵']);
  });
});
