/** Every time is shown on Beijing time, whatever the browser's own zone: the sales organisation works on it. */
export const displayTimeZone = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(iso: string | undefined, language: string): string {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, {
      timeZone: displayTimeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(language, formatter);
  }
  return formatter.format(date);
}

const dayFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: displayTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date on Beijing time as YYYY-MM-DD (the API's day format), whatever the browser's own zone. */
export function todayInChina(now: Date = new Date()): string {
  return dayFormatter.format(now);
}

/** A `datetime-local` input's value (YYYY-MM-DDTHH:mm), read as Beijing time, as the API's ISO-8601 instant. */
export function chinaLocalToIso(value: string): string {
  return new Date(`${value}:00+08:00`).toISOString();
}

/** Money as people read it: ¥12,345 for whole yuan, ¥12,345.50 with fen (never ¥12,345.5). */
export function formatMoney(amount: number, language: string, currency = 'CNY'): string {
  const fen = Number.isInteger(amount) ? 0 : 2;
  return new Intl.NumberFormat(language, { style: 'currency', currency, minimumFractionDigits: fen, maximumFractionDigits: 2 }).format(amount);
}

/** Yuan to the fen, as the API keeps them: sums and differences of amounts in JavaScript's floating point drift below the fen. */
export function toFen(amount: number): number {
  return Math.round(amount * 100) / 100;
}
