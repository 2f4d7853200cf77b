import { CustomerSort, CustomerStage } from '../../api/generated/crm-client';

/** What the list shows; kept in the URL so a reload or a shared link opens the same list. */
export interface CustomerFilters {
  q?: string;
  stage?: CustomerStage;
  ownerId?: string;
  sort: CustomerSort;
}

export const defaultSort = CustomerSort.CreatedAtDescending;

const stages = Object.values(CustomerStage) as string[];
const sorts = Object.values(CustomerSort) as string[];

export function filtersFromSearch(search: URLSearchParams): CustomerFilters {
  const q = search.get('q')?.trim();
  const stage = search.get('stage');
  const ownerId = search.get('ownerId');
  const sort = search.get('sort');
  return {
    q: q || undefined,
    stage: stage && stages.includes(stage) ? (stage as CustomerStage) : undefined,
    ownerId: ownerId || undefined,
    sort: sort && sorts.includes(sort) ? (sort as CustomerSort) : defaultSort,
  };
}

export function searchFromFilters(filters: CustomerFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q) search.set('q', filters.q);
  if (filters.stage) search.set('stage', filters.stage);
  if (filters.ownerId) search.set('ownerId', filters.ownerId);
  if (filters.sort !== defaultSort) search.set('sort', filters.sort);
  return search;
}

export function isFiltered(filters: CustomerFilters): boolean {
  return Boolean(filters.q || filters.stage || filters.ownerId);
}
