import { startOfLocalDay } from '../store/periods.js';

const DAY = 86_400_000;

/** Whether `name` is an IANA time zone this runtime knows (e.g. `Asia/Tokyo`, `UTC`). */
export function isTimeZone(name: string): boolean {
  return canonicalTimeZone(name) !== undefined;
}

/**
 * A zone's canonical spelling (`asia/tokyo` → `Asia/Tokyo`, `Etc/UTC` → `UTC`), or undefined when unknown.
 * Names are case-insensitive, so without this one zone could fill the formatter cache under many spellings.
 */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The first instant of a local calendar date (`YYYY-MM-DD`) in `timeZone`: usually local midnight; where a
 * daylight-saving change skips midnight, the moment the clocks jump. The stores' trend buckets start at
 * the same instants, because both use `startOfLocalDay`.
 */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(startOfLocalDay(Date.UTC(year, month - 1, day) / DAY, timeZone));
}
