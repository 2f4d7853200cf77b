import { describe, expect, it } from 'vitest';
import { ComplaintStatus } from '../../api/generated/complaints-client';
import { isOpen, slaClock } from './labels';

describe('slaClock', () => {
  const promised = '2026-12-03T10:00:00Z';

  it('counts the hours and minutes left until the promised time', () => {
    expect(slaClock(promised, new Date('2026-12-02T04:45:30Z'))).toEqual({ overdue: false, hours: 29, minutes: 14 });
  });

  it('is not overdue at the promised minute itself', () => {
    expect(slaClock(promised, new Date(promised))).toEqual({ overdue: false, hours: 0, minutes: 0 });
  });

  it('counts how long past the promised time a complaint is', () => {
    expect(slaClock(promised, new Date('2026-12-04T11:05:00Z'))).toEqual({ overdue: true, hours: 25, minutes: 5 });
  });
});

describe('isOpen', () => {
  it('is open until resolved', () => {
    expect(Object.values(ComplaintStatus).filter(isOpen)).toEqual([ComplaintStatus.Received, ComplaintStatus.Investigating, ComplaintStatus.ResolutionProposed]);
  });
});
