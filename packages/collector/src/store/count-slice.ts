import type { DimensionColumn } from './report-plan.js';
import { ALL_CHANNELS, CHANNEL_SLICES_FROM, LOCALE_SLICE, TOUCHPOINT_SLICE } from './sqlite-migrations.js';
import type { ResponseFilter } from './store.js';

/**
 * Which of the kept counts answer a report: those under one `channel` key (`one`), or a range of keys
 * (every channel's own, every touchpoint's or every locale's: a breakdown by that dimension). Null when
 * none do (a channel and a touchpoint at once, a locale within either, a context key): those read raw rows.
 */
export type CountSlice = { one: string } | { from: string; to: string | null; value: 'channel' | 'touchpoint' | 'locale' };

/** The counts' slice that answers a filter and dimension, or null when only raw rows can. */
export function countSlice(filter: Pick<ResponseFilter, 'channel' | 'touchpoint'>, dimension: DimensionColumn | null): CountSlice | null {
  const { channel, touchpoint } = filter;
  if (channel !== undefined && touchpoint !== undefined) return null;
  const column = dimension !== null && 'column' in dimension ? dimension.column : null;
  if (dimension !== null && column === null) return null;
  if (column === 'channel' && touchpoint !== undefined) return null;
  if (column === 'touchpoint' && channel !== undefined) return null;
  // Locale counts are kept over every channel and touchpoint only.
  if (column === 'locale') return channel === undefined && touchpoint === undefined ? { from: LOCALE_SLICE, to: CHANNEL_SLICES_FROM, value: 'locale' } : null;
  // A filter on the dimension itself is its one slice (whose value is the filter's).
  if (channel !== undefined) return { one: channel };
  if (touchpoint !== undefined) return { one: TOUCHPOINT_SLICE + touchpoint };
  if (column === 'channel') return { from: CHANNEL_SLICES_FROM, to: null, value: 'channel' };
  if (column === 'touchpoint') return { from: TOUCHPOINT_SLICE, to: LOCALE_SLICE, value: 'touchpoint' };
  return { one: ALL_CHANNELS };
}

/**
 * SQL for a count row's dimension value from its `channel` key (the same in SQLite and PostgreSQL): the
 * channel, the touchpoint (NULL for answers without one) or locale after the key's one-character prefix,
 * or `none` when the report has no dimension.
 */
export function sliceValueSql(alias: string, dimension: DimensionColumn | null, none: string): string {
  if (dimension === null || !('column' in dimension)) return none;
  if (dimension.column === 'channel') return `${alias}.channel`;
  return `nullif(substr(${alias}.channel, ${TOUCHPOINT_SLICE.length + 1}), '')`;
}
