import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { browserHttp } from '../../api/client';
import { CustomerKind, CustomerSort, CustomerStage, Importance, PriorityTier, type CustomerDto } from '../../api/generated/customers-client';
import { changeLanguage } from '../../app/i18n';
import { fakeServer } from '../../test/fakeServer';
import { mergedIntoOf, possibleDuplicatesOf, useCreateCustomer, useCustomer, useCustomerList, useUpdateCustomer } from './api';

function customer(id: string, name: string, version = 1): CustomerDto {
  return {
    id,
    name,
    kind: CustomerKind.Company,
    otherPhones: [],
    tags: [],
    stage: CustomerStage.Intent,
    importance: Importance.General,
    priorityTier: PriorityTier.General,
    relationshipLevel: 1,
    ownerId: 'u1',
    createdAt: '2026-11-23T01:00:00Z',
    updatedAt: '2026-11-23T01:00:00Z',
    version,
  };
}

describe('useCustomerList', () => {
  it('sends the filters, then continues from the previous page cursor and flattens the pages', async () => {
    const { sent, wrapper } = fakeServer((request) =>
      request.url.includes('cursor=')
        ? { status: 200, body: { items: [customer('c3', '丙')] } }
        : { status: 200, body: { items: [customer('c1', '甲'), customer('c2', '乙')], nextCursor: 'page-2' } },
    );
    const { result } = renderHook(() => useCustomerList({ q: '上海', stage: CustomerStage.Intent, sort: CustomerSort.Name }), { wrapper });

    await waitFor(() => expect(result.current.data?.customers).toHaveLength(2));
    expect(result.current.hasNextPage).toBe(true);
    await act(() => result.current.fetchNextPage());

    await waitFor(() => expect(result.current.data?.customers.map((c) => c.name)).toEqual(['甲', '乙', '丙']));
    expect(result.current.hasNextPage).toBe(false);
    expect(sent[0].url).toBe(`/api/v1/customers?q=${encodeURIComponent('上海')}&stage=intent&sort=name&limit=50`);
    expect(sent[1].url).toBe(`/api/v1/customers?q=${encodeURIComponent('上海')}&stage=intent&sort=name&cursor=page-2&limit=50`);
  });
});

describe('useUpdateCustomer', () => {
  it('sends the version it loaded as If-Match, so a stale edit is refused by the server', async () => {
    const loaded = customer('c1', '甲', 7);
    const { sent, wrapper } = fakeServer(() => ({ status: 412, body: { status: 412, code: 'precondition_failed' } }));
    const { result } = renderHook(() => useUpdateCustomer(loaded), { wrapper });

    await act(async () => {
      await result.current.mutateAsync({ name: '甲', kind: CustomerKind.Company, stage: CustomerStage.Loyal }).catch(() => undefined);
    });

    expect(sent[0]).toMatchObject({ url: '/api/v1/customers/c1', method: 'PUT' });
    expect(sent[0].headers['If-Match']).toBe('"7"');
    await waitFor(() => expect(result.current.error).toMatchObject({ status: 412 }));
  });
});

describe('useCreateCustomer', () => {
  it('retries under the same Idempotency-Key, so the customer is created once', async () => {
    let attempts = 0;
    const { sent, wrapper } = fakeServer(() => (++attempts === 1 ? { status: 503 } : { status: 201, body: customer('c9', '新客户') }));
    const { result } = renderHook(() => useCreateCustomer(), { wrapper });
    const fields = { name: '新客户', kind: CustomerKind.Person, stage: CustomerStage.Prospect };

    await act(async () => {
      await result.current.mutateAsync({ fields }).catch(() => undefined);
    });
    await act(async () => {
      await result.current.mutateAsync({ fields });
    });

    expect(sent).toHaveLength(2);
    expect(sent[0].headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1].headers['Idempotency-Key']).toBe(sent[0].headers['Idempotency-Key']);
    expect(JSON.parse(sent[1].body ?? '{}')).toMatchObject({ name: '新客户', kind: 'person', stage: 'prospect' });
  });
});

describe('useCreateCustomer after a 4xx', () => {
  it('sends the corrected form under a new Idempotency-Key: the rejected request was not a create', async () => {
    let attempts = 0;
    const { sent, wrapper } = fakeServer(() =>
      ++attempts === 1 ? { status: 400, body: { status: 400, errors: { name: ['too long'] } } } : { status: 201, body: customer('c8', '改正') },
    );
    const { result } = renderHook(() => useCreateCustomer(), { wrapper });

    await act(async () => {
      await result.current.mutateAsync({ fields: { name: '太长'.repeat(60), kind: CustomerKind.Person, stage: CustomerStage.Prospect } }).catch(() => undefined);
    });
    await act(async () => {
      await result.current.mutateAsync({ fields: { name: '改正', kind: CustomerKind.Person, stage: CustomerStage.Prospect } });
    });

    expect(sent).toHaveLength(2);
    expect(sent[1].headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1].headers['Idempotency-Key']).not.toBe(sent[0].headers['Idempotency-Key']);
  });
});

describe('useCreateCustomer and a possible duplicate', () => {
  it('reads the candidates from the 409, and creating anyway is a new request that confirms', async () => {
    const candidate = { id: 'c1', name: '西湖茶庄', phone: '138 0013 9000', ownerId: 'u1', ownerName: '张伟', samePhone: true, sameNameAndCompany: false, version: 3 };
    const { sent, wrapper } = fakeServer((request) =>
      request.url.includes('confirmDuplicate=true')
        ? { status: 201, body: customer('c7', '西湖茶庄') }
        : { status: 409, body: { status: 409, code: 'customer.possible_duplicate', candidates: [candidate], otherMatches: 1 } },
    );
    const { result } = renderHook(() => useCreateCustomer(), { wrapper });
    const fields = { name: '西湖茶庄', kind: CustomerKind.Company, stage: CustomerStage.Prospect, phone: '13800139000' };

    let refused: unknown;
    await act(async () => {
      refused = await result.current.mutateAsync({ fields }).catch((error: unknown) => error);
    });
    expect(possibleDuplicatesOf(refused)?.candidates.map((c) => c.name)).toEqual(['西湖茶庄']);
    expect(possibleDuplicatesOf(refused)?.otherMatches).toBe(1);
    expect(possibleDuplicatesOf(new Error('offline'))).toBeUndefined();

    await act(async () => {
      await result.current.mutateAsync({ fields, confirmDuplicate: true });
    });
    expect(sent[0].url).not.toContain('confirmDuplicate');
    expect(sent[1].url).toContain('confirmDuplicate=true');
    expect(sent[1].headers['Idempotency-Key']).not.toBe(sent[0].headers['Idempotency-Key']);
  });
});

describe('useCustomer of a merged customer', () => {
  it('tells where the customer went, and a plain 404 tells nothing', async () => {
    const { wrapper } = fakeServer((request) =>
      request.url.endsWith('/gone')
        ? { status: 404, body: { status: 404, code: 'customer.merged', mergedIntoId: 'c1' } }
        : { status: 404, body: { status: 404, code: 'customer.not_found' } },
    );
    const merged = renderHook(() => useCustomer('gone'), { wrapper });
    const missing = renderHook(() => useCustomer('never'), { wrapper });

    await waitFor(() => expect(merged.result.current.isError && missing.result.current.isError).toBe(true));
    expect(mergedIntoOf(merged.result.current.error)).toBe('c1');
    expect(mergedIntoOf(missing.result.current.error)).toBeUndefined();
  });
});

describe('browserHttp', () => {
  it('sends the session cookie and asks for messages in the chosen language', async () => {
    const seen: RequestInit[] = [];
    const http = browserHttp((_url, init) => {
      seen.push(init ?? {});
      return Promise.resolve(new Response(null, { status: 204 }));
    });

    await http.fetch('/api/v1/me', { headers: { Accept: 'application/json' } });
    await changeLanguage('en');
    await http.fetch('/api/v1/me');
    await changeLanguage('zh-CN');

    expect(seen[0]).toMatchObject({ credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': 'zh-CN' } });
    expect(seen[1].headers).toMatchObject({ 'Accept-Language': 'en' });
  });
});
