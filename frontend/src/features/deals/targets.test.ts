import { describe, expect, it } from 'vitest';
import { TargetPeriod } from '../../api/generated/deals-client';
import { childPeriods, evenShares, periodEnd, periodStart, periodStarts, sumShares } from './targets';

describe('target periods', () => {
  it('end where the API ends them: leap Februaries, quarters, Sunday-ending weeks', () => {
    expect(periodEnd(TargetPeriod.Year, '2024-01-01')).toBe('2024-12-31');
    expect(periodEnd(TargetPeriod.Quarter, '2024-10-01')).toBe('2024-12-31');
    expect(periodEnd(TargetPeriod.Month, '2024-02-01')).toBe('2024-02-29');
    expect(periodEnd(TargetPeriod.Week, '2026-11-30')).toBe('2026-12-06');
    expect(periodEnd(TargetPeriod.Day, '2026-12-02')).toBe('2026-12-02');
  });

  it('start on the period that holds a day: the quarter, the month, the Monday', () => {
    expect(periodStart(TargetPeriod.Quarter, '2026-08-15')).toBe('2026-07-01');
    expect(periodStart(TargetPeriod.Week, '2026-12-06')).toBe('2026-11-30');
    expect(periodStart(TargetPeriod.Week, '2026-11-30')).toBe('2026-11-30');
    expect(periodStart(TargetPeriod.Year, '2026-12-02')).toBe('2026-01-01');
  });

  it('are split only into periods that tile them', () => {
    expect(childPeriods(TargetPeriod.Year)).toEqual([TargetPeriod.Quarter, TargetPeriod.Month, TargetPeriod.Day]);
    expect(childPeriods(TargetPeriod.Month)).toEqual([TargetPeriod.Day]);
    expect(childPeriods(TargetPeriod.Day)).toEqual([]);
  });

  it('list the shorter periods of a longer one', () => {
    expect(periodStarts(TargetPeriod.Quarter, '2026-01-01', '2026-12-31')).toEqual(['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01']);
    expect(periodStarts(TargetPeriod.Month, '2026-01-01', '2026-12-31')).toHaveLength(12);
    expect(periodStarts(TargetPeriod.Day, '2024-02-01', '2024-02-29')).toHaveLength(29);
  });
});

describe('even shares', () => {
  it('add up to the target to the fen, the odd fen going to the first shares', () => {
    const shares = evenShares(400_000, 12, false);
    expect(shares[0]).toBe(33_333.34);
    expect(shares[11]).toBe(33_333.33);
    expect(sumShares(shares)).toBe(400_000);
  });

  it('are whole for counted kinds', () => {
    expect(evenShares(10, 3, true)).toEqual([4, 3, 3]);
  });

  it('sum without floating point drift', () => {
    expect(sumShares([0.1, 0.2, undefined, null])).toBe(0.3);
  });
});
