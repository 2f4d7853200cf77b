import { ContactDue, CustomerSort, CustomerSource, CustomerStage, Importance, PriorityTier, TableFormat, ValueTierFilter } from '../../api/generated/customers-client';

/** What the list shows; kept in the URL so a reload or a shared link opens the same list. */
export interface CustomerFilters {
  q?: string;
  stage?: CustomerStage;
  ownerId?: string;
  importance?: Importance;
  priorityTier?: PriorityTier;
  relationshipLevel?: number;
  overdue?: ContactDue;
  valueTier?: ValueTierFilter;
  tag?: string;
  region?: string;
  industry?: string;
  source?: CustomerSource;
  sort: CustomerSort;
}

export const defaultSort = CustomerSort.CreatedAtDescending;

const relationshipLevels = [1, 2, 3, 4];

function oneOf<T extends string>(values: Record<string, T>, value: string | null): T | undefined {
  return value !== null && (Object.values(values) as string[]).includes(value) ? (value as T) : undefined;
}

function text(search: URLSearchParams, name: string): string | undefined {
  return search.get(name)?.trim() || undefined;
}

export function filtersFromSearch(search: URLSearchParams): CustomerFilters {
  const level = Number(search.get('relationshipLevel'));
  return {
    q: text(search, 'q'),
    stage: oneOf(CustomerStage, search.get('stage')),
    ownerId: text(search, 'ownerId'),
    importance: oneOf(Importance, search.get('importance')),
    priorityTier: oneOf(PriorityTier, search.get('priorityTier')),
    relationshipLevel: relationshipLevels.includes(level) ? level : undefined,
    overdue: oneOf(ContactDue, search.get('overdue')),
    valueTier: oneOf(ValueTierFilter, search.get('valueTier')),
    tag: text(search, 'tag'),
    region: text(search, 'region'),
    industry: text(search, 'industry'),
    source: oneOf(CustomerSource, search.get('source')),
    sort: oneOf(CustomerSort, search.get('sort')) ?? defaultSort,
  };
}

export function searchFromFilters(filters: CustomerFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '' && !(name === 'sort' && value === defaultSort)) {
      search.set(name, String(value));
    }
  }
  return search;
}

export function isFiltered(filters: CustomerFilters): boolean {
  return Object.entries(filters).some(([name, value]) => name !== 'sort' && value !== undefined);
}

/** Where the current list downloads as a file: the same filters and order, in the user's language. */
export function exportUrl(filters: CustomerFilters, format: TableFormat, language: string): string {
  const search = searchFromFilters(filters);
  search.set('format', format);
  search.set('language', language);
  return `/api/v1/customers/export?${search.toString()}`;
}
