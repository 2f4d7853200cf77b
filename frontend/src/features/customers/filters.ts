import { CustomerStage } from '../../api/generated/crm-client';

export const customerSorts = ['-createdAt', 'createdAt', 'name', '-name'] as const;
export type CustomerSort = (typeof customerSorts)[number];

/** What the list shows; kept in the URL so a reload or a shared link opens the same list. */
export interface CustomerFilters {
  q?: string;
  stage?: CustomerStage;
  ownerId?: string;
  sort: CustomerSort;
}

export const defaultSort: CustomerSort = '-createdAt';

const stages = Object.values(CustomerStage) as string[];

export function filtersFromSearch(search: URLSearchParams): CustomerFilters {
  const q = search.get('q')?.trim();
  const stage = search.get('stage');
  const ownerId = search.get('ownerId');
  const sort = search.get('sort');
  return {
    q: q || undefined,
    stage: stage && stages.includes(stage) ? (stage as CustomerStage) : undefined,
    ownerId: ownerId || undefined,
    sort: customerSorts.includes(sort as CustomerSort) ? (sort as CustomerSort) : defaultSort,
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
