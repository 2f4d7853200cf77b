import { describe, expect, it } from 'vitest';
import { chinaLocalToIso, formatDateTime, formatMoney, todayInChina, toFen } from './format';

describe('formatDateTime', () => {
  it('shows Beijing time whatever the zone of the browser', () => {
    // 23:30 UTC on 23 Nov is 07:30 on 24 Nov in Shanghai (UTC+8, no daylight saving).
    expect(formatDateTime('2026-11-23T23:30:00Z', 'zh-CN')).toBe('2026/11/24 07:30');
    expect(formatDateTime('2026-11-23T23:30:00Z', 'en')).toBe('11/24/2026, 07:30');
  });

  it('uses a 24-hour clock', () => {
    expect(formatDateTime('2026-06-01T10:05:00Z', 'zh-CN')).toBe('2026/06/01 18:05');
  });

  it('shows nothing for a missing or broken value', () => {
    expect(formatDateTime(undefined, 'zh-CN')).toBe('');
    expect(formatDateTime('not a date', 'zh-CN')).toBe('');
  });
});

describe('todayInChina', () => {
  it('turns the day at Beijing midnight, not at the browser\'s', () => {
    expect(todayInChina(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(todayInChina(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});

describe('chinaLocalToIso', () => {
  it('reads what the user typed as Beijing time, whatever the zone of the browser', () => {
    expect(chinaLocalToIso('2026-12-01T08:30')).toBe('2026-12-01T00:30:00.000Z');
  });
});

describe('formatMoney', () => {
  it('shows whole yuan without fen and fen always as two digits', () => {
    expect(formatMoney(12345, 'zh-CN')).toBe('¥12,345');
    expect(formatMoney(12345.5, 'zh-CN')).toBe('¥12,345.50');
  });
});

describe('toFen', () => {
  it('takes a sum back to the fen where floating point drifted', () => {
    expect(0.3 - 0.1).not.toBe(0.2);
    expect(toFen(0.3 - 0.1)).toBe(0.2);
  });
});
