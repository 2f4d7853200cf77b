import { describe, expect, it } from 'vitest';
import { CustomerSort, CustomerStage } from '../../api/generated/crm-client';
import { filtersFromSearch, isFiltered, searchFromFilters } from './filters';

describe('customer list filters in the URL', () => {
  it('round-trip through the query string', () => {
    const filters = { q: '华东', stage: CustomerStage.Intent, ownerId: '0199a1b2-0000-7000-8000-000000000001', sort: CustomerSort.Name };

    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });

  it('leave defaults out of the URL and read an empty URL as the default list', () => {
    expect(searchFromFilters({ sort: CustomerSort.CreatedAtDescending }).toString()).toBe('');
    expect(filtersFromSearch(new URLSearchParams())).toEqual({ sort: CustomerSort.CreatedAtDescending });
  });

  it('ignore values the API would reject, so an edited link never breaks the page', () => {
    expect(filtersFromSearch(new URLSearchParams('stage=vip&sort=height&q=%20%20'))).toEqual({ sort: CustomerSort.CreatedAtDescending });
  });

  it('know when the list is narrowed', () => {
    expect(isFiltered({ sort: CustomerSort.Name })).toBe(false);
    expect(isFiltered({ sort: CustomerSort.Name, stage: CustomerStage.Loyal })).toBe(true);
  });
});
