import type { Sql } from 'postgres';
import { Channel } from '@koe/core';
import { coverSegments } from './count-cover.js';
import { contextConditions } from './context-sql.js';
import { countSlice, sliceValueSql } from './count-slice.js';
import type { CountRow } from './report-assembly.js';
import type { DimensionColumn, Segment } from './report-plan.js';
import type { ResponseFilter } from './store.js';

// Any fixed number shared by every koe process: one compaction at a time on a database.
const COMPACT_LOCK = 0x6b6f66;
// The primary key of response_counts, in its order.
const KEY = ['site', 'survey', 'channel', 'width', 'start', 'score'] as const;
const KEY_TYPES = ['text', 'text', 'text', 'bigint', 'bigint', 'smallint'] as const;

/**
 * Folds the count deltas writers append (see migration 2) into `response_counts`: at most every
 * `intervalMs` after a commit, in the background, and once more on close. Several processes may run one:
 * an advisory lock lets one compact while the others skip that round.
 */
export class CountCompactor {
  readonly #sql: Sql;
  readonly #interval: number;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #last = Date.now();
  #closed = false;

  constructor(sql: Sql, intervalMs = 1000) {
    this.#sql = sql;
    this.#interval = intervalMs;
  }

  /** Rows were committed: compact within `intervalMs`. */
  nudge(): void {
    if (this.#closed || this.#timer) return;
    const wait = Math.max(0, this.#last + this.#interval - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.compact().catch(() => {
        // The deltas stay where they are and reports still count them; the next round tries again.
      });
    }, wait);
    this.#timer.unref();
  }

  /** Compacts now (after any compaction under way); resolves false when another process held the lock. */
  async compact(): Promise<boolean> {
    while (this.#running) await this.#running.catch(() => {});
    let locked = false;
    const run = this.#sql.begin(async (tx) => {
      const [lock] = await tx<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(${COMPACT_LOCK}) AS ok`;
      if (!lock?.ok) return;
      locked = true;
      const emptied = await tx.unsafe<Record<(typeof KEY)[number] | 'n', unknown>[]>(`
        WITH moved AS (DELETE FROM response_count_deltas RETURNING ${KEY.join(', ')}, n),
        sums AS (SELECT ${KEY.join(', ')}, sum(n)::bigint AS n FROM moved GROUP BY ${KEY.join(', ')})
        INSERT INTO response_counts AS c (${KEY.join(', ')}, n) SELECT * FROM sums WHERE n <> 0
        ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET n = c.n + excluded.n
        RETURNING ${KEY.join(', ')}, n`).then((rows) => rows.filter((row) => Number(row.n) <= 0));
      // Counts that deletions brought to zero (a second statement: one cannot see the other's rows).
      if (emptied.length > 0) {
        await tx.unsafe(
          `DELETE FROM response_counts c USING unnest(${KEY_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) AS z(${KEY.join(', ')})
           WHERE ${KEY.map((k) => `c.${k} = z.${k}`).join(' AND ')} AND c.n <= 0`,
          KEY.map((k) => emptied.map((row) => row[k])) as never[],
        );
      }
    });
    this.#running = run.then(() => undefined);
    try {
      await run;
    } finally {
      this.#running = null;
      this.#last = Date.now();
    }
    return locked;
  }

  /** Stops the timer and makes a last compaction (skipped when another process is compacting). */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.compact().catch(() => {});
  }
}

/**
 * One statement (one snapshot) counting segments by score, and by a dimension when asked: from the
 * hourly and daily counts plus the deltas not yet compacted where they can answer (see countSlice), from
 * raw rows for the rest (sub-hour edges, context keys, the breakdowns countSlice names).
 */
export function countQuery(filter: ResponseFilter, segments: readonly Segment[], dimension: DimensionColumn | null): { sql: string; params: unknown[] } {
  const params: unknown[] = [filter.site, filter.survey];
  const $ = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const slice = countSlice(filter, dimension);
  const { counts, raw } = slice !== null ? coverSegments(segments) : { counts: [], raw: segments };
  const parts: string[] = [];
  if (counts.length > 0 && slice !== null) {
    // By channel: each of core's channels is its own index range (a range of keys would read them all as
    // one scan of every count of the survey: 41 against 2 ms for 90 days over 1,000,000 answers).
    // By touchpoint or locale: which values there are, the counts alone know. A range of their keys would
    // also be one scan of every touchpoint's counts of the survey (104 against 3.5 ms for 90 days over
    // 1,000,000 answers): the keys are found first, one index seek each (a loose index scan), plus any
    // only the deltas hold yet.
    const keys = 'keys' in slice ? $(slice.keys) : slice.value === 'channel' ? $(Channel.options) : null;
    let found = '';
    if (keys === null && !('keys' in slice)) {
      const from = $(slice.from);
      const to = $(slice.to);
      found = `RECURSIVE t(ch) AS (
          SELECT min(channel) FROM response_counts WHERE site = $1 AND survey = $2 AND channel >= ${from} AND channel < ${to}
          UNION ALL
          SELECT (SELECT min(channel) FROM response_counts WHERE site = $1 AND survey = $2 AND channel > t.ch AND channel < ${to}) FROM t WHERE t.ch IS NOT NULL),
        tk(keys) AS MATERIALIZED (SELECT ARRAY(SELECT ch FROM t WHERE ch IS NOT NULL UNION
          SELECT DISTINCT channel FROM response_count_deltas WHERE site = $1 AND survey = $2 AND channel >= ${from} AND channel < ${to})),`;
    }
    const channel = (alias: string) => `${alias}.channel = ANY(${keys === null ? '(SELECT keys FROM tk)::text[]' : `${keys}::text[]`})`;
    const value = (alias: string) => sliceValueSql(alias, dimension, 'NULL::text', slice);
    const pieces = `unnest(${$(counts.map((p) => p.key))}::int[], ${$(counts.map((p) => p.width))}::bigint[], ${$(counts.map((p) => p.a))}::bigint[], ${$(counts.map((p) => p.b))}::bigint[])`;
    // The counts: one index range per piece (LATERAL with OFFSET 0, which keeps the planner from pulling
    // the subquery up into a hash join over the survey's every count: 137 against 2 ms for a 90-day
    // trend). The deltas: few rows, not indexed, joined once.
    parts.push(`WITH ${found} p(k, w, a, b) AS MATERIALIZED (SELECT * FROM ${pieces})
      SELECT k, v, score, sum(n)::bigint AS n FROM (
        SELECT p.k, c.v, c.score, c.n FROM p CROSS JOIN LATERAL (
          SELECT ${value('c')} AS v, c.score, c.n FROM response_counts c
          WHERE c.site = $1 AND c.survey = $2 AND ${channel('c')} AND c.width = p.w AND c.start >= p.a AND c.start < p.b OFFSET 0) c
        UNION ALL
        SELECT p.k, ${value('d')}, d.score, d.n FROM p JOIN response_count_deltas d
          ON d.site = $1 AND d.survey = $2 AND ${channel('d')} AND d.width = p.w AND d.start >= p.a AND d.start < p.b
      ) x GROUP BY 1, 2, 3 HAVING sum(n) <> 0`);
  }
  if (raw.length > 0) {
    let slice = '';
    if (filter.channel !== undefined) slice += ` AND r.channel = ${$(filter.channel)}`;
    if (filter.touchpoint !== undefined) slice += ` AND r.touchpoint = ${$(filter.touchpoint)}`;
    slice += contextConditions(filter, 'r.', $, 'postgres');
    let value = 'NULL::text';
    if (dimension && 'column' in dimension) value = `r.${dimension.column}::text`;
    else if (dimension) value = `r.context ->> ${$(dimension.contextKey)}`;
    const single = raw.length === 1 ? raw[0]! : null;
    // One range (summaries, breakdowns) is a plain range condition, which PostgreSQL can scan in parallel;
    // several (trends, the edges of a range read from counts) are one index range scan each (LATERAL with
    // OFFSET 0: joined, a column the index lacks, such as the locale, made the planner scan the whole table
    // for two sub-hour edges: 270 against 2 ms under EXPLAIN ANALYZE over 1,000,000 answers).
    parts.push(
      single
        ? `SELECT ${single.key}::int AS k, ${value} AS v, r.score, count(*) AS n FROM responses r
           WHERE r.site = $1 AND r.survey = $2 AND r.answered_at >= ${$(single.a)} AND r.answered_at < ${$(single.b)}${slice}
           GROUP BY 2, 3`
        : `SELECT seg.k, r.v, r.score, count(*) AS n
           FROM unnest(${$(raw.map((s) => s.key))}::int[], ${$(raw.map((s) => s.a))}::bigint[], ${$(raw.map((s) => s.b))}::bigint[]) AS seg(k, a, b)
           CROSS JOIN LATERAL (SELECT ${value} AS v, r.score FROM responses r
             WHERE r.site = $1 AND r.survey = $2 AND r.answered_at >= seg.a AND r.answered_at < seg.b${slice} OFFSET 0) r
           GROUP BY 1, 2, 3`,
    );
  }
  return { sql: parts.map((part) => `(${part})`).join(' UNION ALL '), params };
}

/** Counts of `query` as CountRows (an empty list of segments needs no round trip). */
export async function runCountQuery(sql: Sql, query: { sql: string; params: unknown[] }): Promise<CountRow[]> {
  if (query.sql === '') return [];
  return sql.unsafe<CountRow[]>(query.sql, query.params as never[]);
}
