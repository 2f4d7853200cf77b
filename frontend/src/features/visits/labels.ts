import { MarketSeverity, PlanStatus } from '../../api/generated/visits-client';

export const planStatusColor: Record<PlanStatus, string> = {
  [PlanStatus.Draft]: 'default',
  [PlanStatus.Submitted]: 'processing',
  [PlanStatus.Returned]: 'warning',
  [PlanStatus.Approved]: 'success',
};

export const severityColor: Record<MarketSeverity, string> = {
  [MarketSeverity.Minor]: 'default',
  [MarketSeverity.Notable]: 'warning',
  [MarketSeverity.Serious]: 'error',
};

/** A planned time slot as people write it: "09:00–10:00", or just its start. */
export function slot(from?: string, to?: string): string {
  const short = (time?: string) => time?.slice(0, 5);
  return [short(from), short(to)].filter(Boolean).join('–');
}

/** A percentage the API rounded to one place, or the dash when there was nothing to divide by. */
export function rate(value: number | null | undefined, dash: string): string {
  return value == null ? dash : `${value}%`;
}

/** A calendar day (YYYY-MM-DD) moved by whole days; noon UTC keeps every zone on the same date. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of a day's week: weeks run Monday to Sunday, as Chinese offices count them. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}
