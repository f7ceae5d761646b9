import type { ScoreCounts } from '@koe/core';
import { periodBuckets } from './periods.js';
import { CountsByGroup, filterRange, parseDimension, type DimensionColumn, type Segment } from './report-plan.js';
import { sortDimensionCounts } from './sort.js';
import type { Dimension, DimensionCounts, PeriodCounts, ResponseFilter, TrendOptions } from './store.js';

/** One row of a count query: answers of `score` in segment `k` (and dimension value `v`). */
export interface CountRow {
  k: number;
  v: string | null;
  score: number | string;
  n: number | string | bigint;
}

/** A store's count query over time segments, optionally grouped by a dimension. */
export type CountQuery = (segments: readonly Segment[], dimension: DimensionColumn | null) => CountRow[] | Promise<CountRow[]>;

// Both stores answer reports the same way: their SQL differs only in how `CountQuery` counts.

/** Counts per score over the filter's whole range. */
export async function scoreCounts(filter: ResponseFilter, count: CountQuery): Promise<ScoreCounts> {
  const { from, to } = filterRange(filter);
  const counts = new CountsByGroup<number>();
  for (const row of await count([{ key: 0, a: from, b: to }], null)) counts.add(0, row.score, row.n);
  return counts.get(0);
}

/** Counts per score per calendar period of `range` (null: no answers, so no periods). */
export async function periodCounts(
  range: { from: number; to: number } | null,
  options: TrendOptions,
  count: CountQuery,
): Promise<PeriodCounts[]> {
  if (!range) return [];
  const buckets = periodBuckets(range.from, range.to, options);
  const counts = new CountsByGroup<number>();
  const segments = buckets.map((bucket, key) => ({ key, a: bucket.start, b: bucket.end }));
  for (const row of await count(segments, null)) counts.add(row.k, row.score, row.n);
  return counts
    .entries()
    .sort(([a], [b]) => a - b)
    .map(([key, c]) => ({ period: buckets[key]!.period, counts: c }));
}

/** Counts per score for each value of a dimension, largest groups first. */
export async function dimensionCounts(filter: ResponseFilter, by: Dimension, count: CountQuery): Promise<DimensionCounts[]> {
  const dimension = parseDimension(by);
  const { from, to } = filterRange(filter);
  const counts = new CountsByGroup<string | null>();
  for (const row of await count([{ key: 0, a: from, b: to }], dimension)) counts.add(row.v, row.score, row.n);
  return sortDimensionCounts(counts.entries().map(([value, c]) => ({ value, counts: c })));
}
