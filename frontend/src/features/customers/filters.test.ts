import { describe, expect, it } from 'vitest';
import { ContactDue, CustomerSort, CustomerSource, CustomerStage, Importance, PriorityTier, TableFormat } from '../../api/generated/customers-client';
import { exportUrl, filtersFromSearch, isFiltered, searchFromFilters } from './filters';

describe('customer list filters in the URL', () => {
  it('round-trip through the query string', () => {
    const filters = {
      q: '华东',
      stage: CustomerStage.Intent,
      ownerId: '0199a1b2-0000-7000-8000-000000000001',
      importance: Importance.Key,
      priorityTier: PriorityTier.Priority,
      relationshipLevel: 3,
      overdue: ContactDue.Visit,
      tag: '连锁',
      region: '上海',
      industry: '零售',
      source: CustomerSource.Exhibition,
      sort: CustomerSort.Name,
    };

    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });

  it('leave defaults out of the URL and read an empty URL as the default list', () => {
    expect(searchFromFilters({ sort: CustomerSort.CreatedAtDescending }).toString()).toBe('');
    expect(filtersFromSearch(new URLSearchParams())).toMatchObject({ sort: CustomerSort.CreatedAtDescending });
    expect(isFiltered(filtersFromSearch(new URLSearchParams()))).toBe(false);
  });

  it('ignore values the API would reject, so an edited link never breaks the page', () => {
    const edited = filtersFromSearch(new URLSearchParams('stage=vip&sort=height&q=%20%20&relationshipLevel=9&overdue=soon&priorityTier=first'));
    expect(edited.sort).toBe(CustomerSort.CreatedAtDescending);
    expect(isFiltered(edited)).toBe(false);
  });

  it('know when the list is narrowed', () => {
    expect(isFiltered({ sort: CustomerSort.Name })).toBe(false);
    expect(isFiltered({ sort: CustomerSort.Name, stage: CustomerStage.Loyal })).toBe(true);
    expect(isFiltered({ sort: CustomerSort.Name, overdue: ContactDue.Any })).toBe(true);
  });

  it('export the list as it is filtered and sorted, in the chosen format and language', () => {
    const url = new URL(exportUrl({ q: '华东', stage: CustomerStage.Intent, sort: CustomerSort.Name }, TableFormat.Xlsx, 'zh-CN'), 'http://crm.example');
    expect(url.pathname).toBe('/api/v1/customers/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: '华东', stage: 'intent', sort: 'name', format: 'xlsx', language: 'zh-CN' });
  });
});
