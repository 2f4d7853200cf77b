import { useEffect, useState } from 'react';
import { ComplaintSeverity, ComplaintStatus } from '../../api/generated/complaints-client';

export const statusColor: Record<ComplaintStatus, string> = {
  [ComplaintStatus.Received]: 'blue',
  [ComplaintStatus.Investigating]: 'processing',
  [ComplaintStatus.ResolutionProposed]: 'purple',
  [ComplaintStatus.Resolved]: 'success',
  [ComplaintStatus.Closed]: 'default',
};

export const severityColor: Record<ComplaintSeverity, string> = {
  [ComplaintSeverity.Minor]: 'default',
  [ComplaintSeverity.Major]: 'warning',
  [ComplaintSeverity.Critical]: 'error',
};

/** A cause category as the reader's language names it. */
export function causeLabel(cause: { name: string; englishName: string }, language: string): string {
  return language === 'en' ? cause.englishName : cause.name;
}

/** Open: its promised time still counts (not resolved, not closed). */
export function isOpen(status: ComplaintStatus): boolean {
  return status !== ComplaintStatus.Resolved && status !== ComplaintStatus.Closed;
}

export interface SlaClock {
  overdue: boolean;
  hours: number;
  minutes: number;
}

/** How far the promised time is, in whole minutes: left until it, or past it (overdue from the minute after it). */
export function slaClock(promisedAt: string, now: Date): SlaClock {
  const difference = new Date(promisedAt).getTime() - now.getTime();
  const minutes = Math.floor(Math.abs(difference) / 60_000);
  return { overdue: difference < 0, hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** The time now, again every half minute: what a countdown shows. */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
