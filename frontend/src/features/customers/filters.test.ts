import { describe, expect, it } from 'vitest';
import { CustomerStage } from '../../api/generated/crm-client';
import { filtersFromSearch, isFiltered, searchFromFilters } from './filters';

describe('customer list filters in the URL', () => {
  it('round-trip through the query string', () => {
    const filters = { q: '华东', stage: CustomerStage.Intent, ownerId: '0199a1b2-0000-7000-8000-000000000001', sort: 'name' as const };

    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });

  it('leave defaults out of the URL and read an empty URL as the default list', () => {
    expect(searchFromFilters({ sort: '-createdAt' }).toString()).toBe('');
    expect(filtersFromSearch(new URLSearchParams())).toEqual({ sort: '-createdAt' });
  });

  it('ignore values the API would reject, so an edited link never breaks the page', () => {
    expect(filtersFromSearch(new URLSearchParams('stage=vip&sort=height&q=%20%20'))).toEqual({ sort: '-createdAt' });
  });

  it('know when the list is narrowed', () => {
    expect(isFiltered({ sort: 'name' })).toBe(false);
    expect(isFiltered({ sort: 'name', stage: CustomerStage.Loyal })).toBe(true);
  });
});
