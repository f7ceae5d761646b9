import type { TrendOptions } from './store.js';

/** One trend bucket: the local start date of its period and its half-open instant range `[start, end)` in epoch ms. */
export interface PeriodBucket {
  period: string;
  start: number;
  end: number;
}

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`unknown time zone ${JSON.stringify(timeZone)}: expected an IANA name such as Asia/Tokyo`);
    }
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time at instant `t` in the zone, as if it were UTC (ms, whole seconds). */
export function wallClock(t: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(t))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 1970;
  // formatToParts gives the era year for years before 1; the range the stores query never goes there.
  return Date.UTC(year, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

/** Days since the epoch of the local calendar date at `t`. */
const localDay = (t: number, timeZone: string): number => Math.floor(wallClock(t, timeZone) / DAY);

/**
 * The first instant of local day `day` (days since epoch) in the zone. Usually local midnight; where a
 * DST change skips midnight (e.g. America/Santiago) it is the first instant that falls on that date.
 */
export function startOfLocalDay(day: number, timeZone: string): number {
  const midnight = day * DAY;
  const candidates = [midnight - DAY, midnight, midnight + DAY].map((probe) => midnight - (wallClock(probe, timeZone) - probe));
  const exact = candidates.filter((t) => wallClock(t, timeZone) === midnight);
  if (exact.length > 0) return Math.min(...exact);
  // Midnight does not exist that day: binary-search the first instant whose local date is `day`.
  let lo = midnight - 2 * DAY;
  let hi = midnight + 2 * DAY;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDay(mid, timeZone) >= day) hi = mid;
    else lo = mid;
  }
  return hi;
}

const isoDate = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** The first local day of the period holding `day`: the day itself, the Monday of its ISO week, or the 1st. */
function periodStart(day: number, interval: TrendOptions['interval']): number {
  if (interval === 'day') return day;
  if (interval === 'week') return day - ((new Date(day * DAY).getUTCDay() + 6) % 7);
  const date = new Date(day * DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY;
}

function nextPeriod(day: number, interval: TrendOptions['interval']): number {
  if (interval === 'day') return day + 1;
  if (interval === 'week') return day + 7;
  const date = new Date(day * DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY;
}

/** At most this many buckets per query; a day interval over more than ~27 years is a mistake. */
export const MAX_BUCKETS = 10_000;

/**
 * The calendar periods covering `[from, to)` in the zone, oldest first, the first and last clipped to
 * the range. Computed with Intl, so both stores bucket identically and DST changes are exact.
 */
export function periodBuckets(from: number, to: number, options: TrendOptions): PeriodBucket[] {
  const { interval, timeZone } = options;
  if (interval !== 'day' && interval !== 'week' && interval !== 'month') {
    throw new RangeError(`unknown interval ${JSON.stringify(interval)}: expected day, week or month`);
  }
  formatter(timeZone);
  const buckets: PeriodBucket[] = [];
  if (!(from < to)) return buckets;
  let day = periodStart(localDay(from, timeZone), interval);
  let start = startOfLocalDay(day, timeZone);
  while (start < to) {
    if (buckets.length >= MAX_BUCKETS) {
      throw new RangeError(`the range spans more than ${MAX_BUCKETS} ${interval}s: choose a shorter range or a longer interval`);
    }
    const next = nextPeriod(day, interval);
    const end = startOfLocalDay(next, timeZone);
    if (end > from) buckets.push({ period: isoDate(day), start: Math.max(start, from), end: Math.min(end, to) });
    day = next;
    start = end;
  }
  return buckets;
}
