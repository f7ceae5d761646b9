import type { DimensionColumn } from './report-plan.js';
import { ALL_CHANNELS, CHANNEL_SLICES_FROM, CHANNEL_TOUCHPOINT_SLICE, LOCALE_SLICE, TOUCHPOINT_SLICE } from './sqlite-migrations.js';
import type { ResponseFilter } from './store.js';

/**
 * Which of the kept counts answer a report: those under one `channel` key (`one`), or a range of keys (a
 * breakdown: every channel's own, every touchpoint's, every locale's, or every touchpoint's within one
 * channel). `prefix`: how many characters of a key come before the touchpoint or locale it counts.
 */
export type CountSlice = ({ one: string } | { from: string; to: string | null; value: 'channel' | 'touchpoint' | 'locale' }) & { prefix: number };

/**
 * The counts' slice that answers a filter and dimension, or null when only raw rows can: a breakdown by
 * channel within one touchpoint, by locale within a channel or a touchpoint, or by a context key.
 */
export function countSlice(filter: Pick<ResponseFilter, 'channel' | 'touchpoint'>, dimension: DimensionColumn | null): CountSlice | null {
  const { channel, touchpoint } = filter;
  const column = dimension !== null && 'column' in dimension ? dimension.column : null;
  if (dimension !== null && column === null) return null;
  if (column === 'locale') {
    return channel === undefined && touchpoint === undefined ? { from: LOCALE_SLICE, to: CHANNEL_TOUCHPOINT_SLICE, value: 'locale', prefix: LOCALE_SLICE.length } : null;
  }
  if (column === 'channel' && touchpoint !== undefined) return null;
  // A filter on the dimension itself is its one slice (whose value is the filter's).
  if (channel !== undefined && (touchpoint !== undefined || column === 'touchpoint')) {
    const pair = CHANNEL_TOUCHPOINT_SLICE + channel + TOUCHPOINT_SLICE;
    const prefix = pair.length;
    return touchpoint !== undefined ? { one: pair + touchpoint, prefix } : { from: pair, to: CHANNEL_TOUCHPOINT_SLICE + channel + LOCALE_SLICE, value: 'touchpoint', prefix };
  }
  if (channel !== undefined) return { one: channel, prefix: 0 };
  if (touchpoint !== undefined) return { one: TOUCHPOINT_SLICE + touchpoint, prefix: TOUCHPOINT_SLICE.length };
  if (column === 'channel') return { from: CHANNEL_SLICES_FROM, to: null, value: 'channel', prefix: 0 };
  if (column === 'touchpoint') return { from: TOUCHPOINT_SLICE, to: LOCALE_SLICE, value: 'touchpoint', prefix: TOUCHPOINT_SLICE.length };
  return { one: ALL_CHANNELS, prefix: 0 };
}

/**
 * SQL for a count row's dimension value from its `channel` key (the same in SQLite and PostgreSQL): the
 * channel, the touchpoint (NULL for answers without one) or locale after the key's `prefix`, or `none`
 * when the report has no dimension.
 */
export function sliceValueSql(alias: string, dimension: DimensionColumn | null, none: string, prefix: number): string {
  if (dimension === null || !('column' in dimension)) return none;
  if (dimension.column === 'channel') return `${alias}.channel`;
  return `nullif(substr(${alias}.channel, ${prefix + 1}), '')`;
}
