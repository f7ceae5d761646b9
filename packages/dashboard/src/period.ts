/** The periods the dashboard offers, in days before now. */
export const PERIODS = [7, 30, 90, 365] as const;

/** A trend's bucket size. */
export type Interval = 'day' | 'week' | 'month';

/** `[from, to)` of the last `days` days up to `now`, as the instants the report routes take. */
export function rangeOf(days: number, now: Date): { from: string; to: string } {
  return { from: new Date(now.getTime() - days * 86_400_000).toISOString(), to: now.toISOString() };
}

/** The trend interval that gives a readable number of points for a period: days up to 90 days, else weeks. */
export function defaultInterval(days: number): Interval {
  return days <= 90 ? 'day' : 'week';
}

/** The browser's IANA time zone, so a Tokyo team's "day" is a JST day; UTC when the browser cannot tell. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * The trend bucket an instant falls in, as the collector names it: the local date in `timeZone`, the
 * Monday of its week, or the first of its month (`YYYY-MM-DD`).
 */
export function bucketOf(instant: string, interval: Interval, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  const local = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
  if (interval === 'day') return local;
  if (interval === 'month') return `${local.slice(0, 8)}01`;
  const date = new Date(`${local}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}
