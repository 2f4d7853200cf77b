import { describe, expect, it } from 'vitest';
import { addDays, mondayOf, rate, slot } from './labels';

describe('visit labels', () => {
  it('moves calendar days across months and years whatever the browser’s zone', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('finds the week’s Monday, a Sunday belonging to the week before it', () => {
    expect(mondayOf('2026-12-02')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
  });

  it('writes a slot as people do, and a rate or a dash', () => {
    expect(slot('09:00:00', '10:30:00')).toBe('09:00–10:30');
    expect(slot('09:00:00', undefined)).toBe('09:00');
    expect(slot(undefined, undefined)).toBe('');
    expect(rate(33.3, '—')).toBe('33.3%');
    expect(rate(null, '—')).toBe('—');
  });
});
