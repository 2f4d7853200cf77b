import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fakeServer';
import { useDownload } from './session';

const me = { id: 'u1', userName: 'rep.east', displayName: '东区销售', role: 'Rep' };

describe('useDownload', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks the server for the session first, then follows the link', async () => {
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.getAttribute('href') ?? '');
    });
    const { sent, wrapper } = fakeServer(() => ({ status: 200, body: me }));
    const { result } = renderHook(() => useDownload(), { wrapper });

    await act(() => result.current('/api/v1/customers/export?format=csv'));

    expect(sent.map((request) => request.url)).toEqual(['/api/v1/me']);
    expect(clicked).toEqual(['/api/v1/customers/export?format=csv']);
  });

  it('downloads nothing when the session has ended, so no 401 is saved as the file', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { wrapper } = fakeServer(() => ({ status: 401, body: { status: 401, title: 'Unauthorized' } }));
    const { result } = renderHook(() => useDownload(), { wrapper });

    await act(() => result.current('/api/v1/customers/export?format=csv'));

    expect(click).not.toHaveBeenCalled();
  });
});
