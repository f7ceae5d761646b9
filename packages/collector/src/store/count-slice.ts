import { Channel } from '@koe/core';
import { hasContext } from './context-sql.js';
import type { DimensionColumn } from './report-plan.js';
import { ALL_CHANNELS, CHANNEL_SLICES_FROM, CHANNEL_TOUCHPOINT_SLICE, LOCALE_SLICE, TOUCHPOINT_SLICE } from './sqlite-migrations.js';
import type { ResponseFilter } from './store.js';

/**
 * Which of the kept counts answer a report: those under some `channel` keys (`keys`), or a range of keys
 * (a breakdown: every channel's own, every touchpoint's, every locale's, or every touchpoint's within one
 * channel). A dimension's value is what is left of a key without its first `prefix` and last `suffix`
 * characters (`suffix`: 0 when absent).
 */
export type CountSlice = ({ keys: string[] } | { from: string; to: string | null; value: 'channel' | 'touchpoint' | 'locale' }) & {
  prefix: number;
  suffix?: number;
};

/**
 * The counts' slice that answers a filter and dimension, or null when only raw rows can: a breakdown by
 * locale within a channel or a touchpoint, or by a context key, and any filter on context.
 */
export function countSlice(filter: Pick<ResponseFilter, 'channel' | 'touchpoint' | 'context'>, dimension: DimensionColumn | null): CountSlice | null {
  // The counts know no context: a report of one agent's answers reads raw rows.
  if (hasContext(filter)) return null;
  const { channel, touchpoint } = filter;
  const column = dimension !== null && 'column' in dimension ? dimension.column : null;
  if (dimension !== null && column === null) return null;
  if (column === 'locale') {
    return channel === undefined && touchpoint === undefined ? { from: LOCALE_SLICE, to: CHANNEL_TOUCHPOINT_SLICE, value: 'locale', prefix: LOCALE_SLICE.length } : null;
  }
  // By channel within a touchpoint: the touchpoint's key under each channel (SQL counts characters, as
  // a spread string does: code points).
  if (column === 'channel' && touchpoint !== undefined) {
    const keys = (channel === undefined ? Channel.options : [channel]).map((c) => CHANNEL_TOUCHPOINT_SLICE + c + TOUCHPOINT_SLICE + touchpoint);
    return { keys, prefix: CHANNEL_TOUCHPOINT_SLICE.length, suffix: TOUCHPOINT_SLICE.length + [...touchpoint].length };
  }
  // A filter on the dimension itself is its one key (whose value is the filter's).
  if (channel !== undefined && (touchpoint !== undefined || column === 'touchpoint')) {
    const pair = CHANNEL_TOUCHPOINT_SLICE + channel + TOUCHPOINT_SLICE;
    const prefix = pair.length;
    return touchpoint !== undefined ? { keys: [pair + touchpoint], prefix } : { from: pair, to: CHANNEL_TOUCHPOINT_SLICE + channel + LOCALE_SLICE, value: 'touchpoint', prefix };
  }
  if (channel !== undefined) return { keys: [channel], prefix: 0 };
  if (touchpoint !== undefined) return { keys: [TOUCHPOINT_SLICE + touchpoint], prefix: TOUCHPOINT_SLICE.length };
  if (column === 'channel') return { from: CHANNEL_SLICES_FROM, to: null, value: 'channel', prefix: 0 };
  if (column === 'touchpoint') return { from: TOUCHPOINT_SLICE, to: LOCALE_SLICE, value: 'touchpoint', prefix: TOUCHPOINT_SLICE.length };
  return { keys: [ALL_CHANNELS], prefix: 0 };
}

/**
 * SQL for a count row's dimension value from its `channel` key (the same in SQLite and PostgreSQL, whose
 * substr and length count characters): the key without the slice's prefix and suffix (NULL when nothing
 * is left: answers without a touchpoint), or `none` when the report has no dimension.
 */
export function sliceValueSql(alias: string, dimension: DimensionColumn | null, none: string, slice: Pick<CountSlice, 'prefix' | 'suffix'>): string {
  if (dimension === null || !('column' in dimension)) return none;
  const key = `${alias}.channel`;
  const { prefix, suffix = 0 } = slice;
  if (prefix === 0 && suffix === 0) return key;
  const value = suffix === 0 ? `substr(${key}, ${prefix + 1})` : `substr(${key}, ${prefix + 1}, length(${key}) - ${prefix + suffix})`;
  return `nullif(${value}, '')`;
}
