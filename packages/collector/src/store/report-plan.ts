import { MapKey, type ScoreCounts } from '@koe/core';
import type { Dimension, ResponseFilter } from './store.js';

/** Beyond any answer's time: JavaScript's Date range, in ms. */
export const MIN_TIME = -8.64e15;
/** See MIN_TIME. */
export const MAX_TIME = 8.64e15;

/** A half-open time range `[a, b)` in epoch ms whose counts are reported under `key`. */
export interface Segment {
  key: number;
  a: number;
  b: number;
}

/** The time range a filter covers. */
export function filterRange(filter: ResponseFilter): { from: number; to: number } {
  const from = filter.from === undefined ? MIN_TIME : filter.from.getTime();
  const to = filter.to === undefined ? MAX_TIME : filter.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('from and to must be valid dates');
  return { from, to };
}

/** A validated dimension: a column name, or a context key. */
export type DimensionColumn = { column: 'channel' | 'touchpoint' | 'locale' } | { contextKey: string };

/** Checks a breakdown dimension; throws a RangeError naming it when it is not one. */
export function parseDimension(by: Dimension): DimensionColumn {
  if (by === 'channel' || by === 'touchpoint' || by === 'locale') return { column: by };
  if (typeof by === 'string' && by.startsWith('context.')) {
    const key = by.slice('context.'.length);
    if (MapKey.safeParse(key).success) return { contextKey: key };
  }
  throw new RangeError(
    `cannot break down by ${JSON.stringify(by)}: expected channel, touchpoint, locale or context.<key> (key: 1–40 letters, digits, "_", ".", ":" or "-")`,
  );
}

/** Counts rows from a query, keyed by group, added up (a group may come from several parts of a query). */
export class CountsByGroup<K> {
  readonly #groups = new Map<K, Record<number, number>>();

  /** Adds `n` answers of `score` to `group`. */
  add(group: K, score: number | string, n: number | string | bigint): void {
    let counts = this.#groups.get(group);
    if (!counts) this.#groups.set(group, (counts = {}));
    const value = Number(score);
    counts[value] = (counts[value] ?? 0) + Number(n);
  }

  /** The counts of one group (empty when none). */
  get(group: K): ScoreCounts {
    return this.#groups.get(group) ?? {};
  }

  /** Every group with its counts, in insertion order. */
  entries(): [K, ScoreCounts][] {
    return [...this.#groups.entries()];
  }
}
