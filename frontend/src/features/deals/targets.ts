import { type TargetDto, TargetKind, TargetLevel, type TargetOrganisationDto, TargetPeriod } from '../../api/generated/deals-client';

/** Days as the API writes them (YYYY-MM-DD), counted in UTC so the browser's zone never moves them. */
function parse(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addMonths(day: string, months: number): string {
  const date = parse(day);
  date.setUTCMonth(date.getUTCMonth() + months);
  return format(date);
}

function addDays(day: string, days: number): string {
  const date = parse(day);
  date.setUTCDate(date.getUTCDate() + days);
  return format(date);
}

/** The last day of the period that starts on `start`, as the API counts it. */
export function periodEnd(period: TargetPeriod, start: string): string {
  switch (period) {
    case TargetPeriod.Year:
      return addDays(addMonths(start, 12), -1);
    case TargetPeriod.Quarter:
      return addDays(addMonths(start, 3), -1);
    case TargetPeriod.Month:
      return addDays(addMonths(start, 1), -1);
    case TargetPeriod.Week:
      return addDays(start, 6);
    default:
      return start;
  }
}

/** The first day of the period of `period` that contains `day` (weeks run Monday to Sunday). */
export function periodStart(period: TargetPeriod, day: string): string {
  const date = parse(day);
  const [year, month] = [date.getUTCFullYear(), date.getUTCMonth()];
  switch (period) {
    case TargetPeriod.Year:
      return format(new Date(Date.UTC(year, 0, 1)));
    case TargetPeriod.Quarter:
      return format(new Date(Date.UTC(year, month - (month % 3), 1)));
    case TargetPeriod.Month:
      return format(new Date(Date.UTC(year, month, 1)));
    case TargetPeriod.Week:
      return addDays(day, -((date.getUTCDay() + 6) % 7));
    default:
      return day;
  }
}

/** The shorter periods that tile a target's period exactly, as the API allows them (weeks do not tile months). */
export function childPeriods(period: TargetPeriod): TargetPeriod[] {
  switch (period) {
    case TargetPeriod.Year:
      return [TargetPeriod.Quarter, TargetPeriod.Month, TargetPeriod.Day];
    case TargetPeriod.Quarter:
      return [TargetPeriod.Month, TargetPeriod.Day];
    case TargetPeriod.Month:
    case TargetPeriod.Week:
      return [TargetPeriod.Day];
    default:
      return [];
  }
}

/** The first days of the `child` periods from `start` to `end`. */
export function periodStarts(child: TargetPeriod, start: string, end: string): string[] {
  const starts: string[] = [];
  for (let day = start; day <= end; day = child === TargetPeriod.Day ? addDays(day, 1) : addMonths(day, child === TargetPeriod.Quarter ? 3 : 1)) {
    starts.push(day);
  }
  return starts;
}

/**
 * `amount` shared out evenly among `count` shares that add up to it exactly: to the fen for money, whole for counted
 * kinds; what does not divide evenly goes to the first shares, a fen (or one) each.
 */
export function evenShares(amount: number, count: number, whole: boolean): number[] {
  if (count === 0) return [];
  const unit = whole ? 1 : 100;
  const units = Math.round(amount * unit);
  const base = Math.floor(units / count);
  const extra = units - base * count;
  return Array.from({ length: count }, (_, i) => (base + (i < extra ? 1 : 0)) / unit);
}

/** A sum of amounts to the fen, without floating point's drift. */
export function sumShares(amounts: readonly (number | null | undefined)[]): number {
  return amounts.reduce<number>((sum, amount) => sum + Math.round((amount ?? 0) * 100), 0) / 100;
}

/** Whether a target can be split at all: among the level below (all but a rep's), or into shorter periods. */
export function canSplit(target: Pick<TargetDto, 'level' | 'period'>): boolean {
  return target.level !== TargetLevel.Rep || childPeriods(target.period).length > 0;
}

/** New customers are counted; every other kind is money. */
export function isCounted(kind: TargetKind): boolean {
  return kind === TargetKind.NewCustomers;
}

export interface Subject {
  id: string;
  name: string;
  level: TargetLevel;
}

/** What a target is split among: the company's regions (or teams), a region's teams, a team's members. */
export function subjectsBelow(target: TargetDto, organisation: TargetOrganisationDto | undefined): Subject[] {
  const regions = organisation?.regions ?? [];
  switch (target.level) {
    case TargetLevel.Company:
      return regions.map((r) => ({ id: r.id, name: r.name, level: TargetLevel.Region }));
    case TargetLevel.Region:
      return (regions.find((r) => r.id === target.subjectId)?.teams ?? []).map((t) => ({ id: t.id, name: t.name, level: TargetLevel.Team }));
    case TargetLevel.Team:
      return (regions.flatMap((r) => r.teams).find((t) => t.id === target.subjectId)?.members ?? []).map((m) => ({ id: m.id, name: m.displayName, level: TargetLevel.Rep }));
    default:
      return [];
  }
}

/** Who a new target may be for, at each level the caller may set. */
export function subjectsAt(level: TargetLevel, organisation: TargetOrganisationDto | undefined): Subject[] {
  const regions = organisation?.regions ?? [];
  switch (level) {
    case TargetLevel.Region:
      return regions.map((r) => ({ id: r.id, name: r.name, level }));
    case TargetLevel.Team:
      return regions.flatMap((r) => r.teams.map((t) => ({ id: t.id, name: `${r.name} · ${t.name}`, level })));
    case TargetLevel.Rep:
      return regions.flatMap((r) => r.teams.flatMap((t) => t.members.map((m) => ({ id: m.id, name: `${t.name} · ${m.displayName}`, level }))));
    default:
      return [];
  }
}
