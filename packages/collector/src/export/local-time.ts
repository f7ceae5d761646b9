import { wallClock } from '../store/periods.js';

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
// Intl gives era years before year 1 (which Date.UTC would misread), so earlier instants take the offset of
// this one: before its first change in the zone database a zone keeps one offset (local mean time) anyway.
const EARLIEST = Date.UTC(1000, 0, 1);
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** The zone's offset from UTC at `t`, in ms (whole seconds). */
function offsetAt(t: number, timeZone: string): number {
  const second = Math.floor(Math.max(t, EARLIEST) / SECOND) * SECOND;
  return wallClock(second, timeZone) - second;
}

/**
 * A formatter of ISO 8601 instants as wall-clock time in `timeZone`, `YYYY-MM-DD HH:mm:ss` (a form Excel
 * reads as a date-time; fractions of a second are dropped, as a clock shows them); '' for a missing or
 * unreadable instant. Each export makes its own: it remembers the offset of the last UTC hour and the text
 * of the last local date, so a stream in time order asks Intl about twice an hour of answers, not per row.
 */
export function localTimeFormatter(timeZone: string): (iso: string | undefined) => string {
  let hour = Number.NaN;
  // The offset throughout `hour`, or undefined when it changes within that hour.
  let steady: number | undefined;
  let day = Number.NaN;
  let date = '';
  return (iso) => {
    if (iso === undefined) return '';
    const t = Date.parse(iso);
    if (Number.isNaN(t)) return '';
    const h = Math.floor(t / HOUR);
    if (h !== hour) {
      hour = h;
      const first = offsetAt(h * HOUR, timeZone);
      // Equal offsets at both ends mean none changed in between: no zone changes its offset twice in an hour.
      steady = offsetAt(h * HOUR + HOUR - SECOND, timeZone) === first ? first : undefined;
    }
    const local = t + (steady ?? offsetAt(t, timeZone));
    const d = Math.floor(local / DAY);
    if (d !== day) {
      day = d;
      const midnight = new Date(d * DAY).toISOString();
      // Sliced at the T: years past 9999 or before 0 are written with a sign and six digits.
      date = midnight.slice(0, midnight.indexOf('T'));
    }
    const seconds = Math.floor((local - d * DAY) / SECOND);
    return `${date} ${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}`;
  };
}
