/** The periods the dashboard offers, in days before now. */
export const PERIODS = [7, 30, 90, 365] as const;
/** One of PERIODS. */
export type PeriodDays = (typeof PERIODS)[number];

/** `[from, to)` of the last `days` days up to `now`, as the instants the report routes take. */
export function rangeOf(days: number, now: Date): { from: string; to: string } {
  return { from: new Date(now.getTime() - days * 86_400_000).toISOString(), to: now.toISOString() };
}

/** The trend interval that gives a readable number of points for a period: days up to 90 days, else weeks. */
export function defaultInterval(days: number): 'day' | 'week' | 'month' {
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
