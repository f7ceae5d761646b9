import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CaseUpdate, FollowUpCase, ScoreCounts, SurveyResponse } from '@koe/core';
import { contextConditions } from './context-sql.js';
import { commentListQuery, commentPage, type CommentFilter, type CommentPage } from './comments.js';
import { CASE_COLUMNS, caseCountQuery, caseListQuery, casePage, fromCaseRow, outcomeFields, updateFields, type CaseRow } from './cases.js';
import { coverSegments } from './count-cover.js';
import { countSlice, sliceValueSql } from './count-slice.js';
import { dimensionCounts, periodCounts, scoreCounts, type CountRow } from './report-assembly.js';
import { filterRange, type DimensionColumn, type Segment } from './report-plan.js';
import { READ_COLUMNS, fromRow, toRow, type ReadRow } from './rows.js';
import { SCORE_COLUMNS, migrateSqlite } from './sqlite-migrations.js';
import { SqliteWriter, type WriteStats } from './sqlite-writer.js';
import { TALLY, registerTally, tallyRows } from './sqlite-tally.js';
import type {
  CaseFilter,
  CasePage,
  Dimension,
  DueCase,
  NotificationOutcome,
  DimensionCounts,
  InsertResult,
  PeriodCounts,
  ResponseFilter,
  Store,
  StoredResponse,
  TrendOptions,
} from './store.js';

/** Options of the embedded store. */
export interface SqliteStoreOptions {
  /** How long to wait for another process's write lock, in ms (default 5000). */
  busyTimeout?: number;
  /** Rows per page when streaming an export (default 1000). */
  pageSize?: number;
  /** Page cache of each of the two connections (reads, writes), in KiB (default 65536: 64 MiB). */
  cacheKiB?: number;
  /** Under load, the least time between the starts of two commits, in ms (default 0): see SqliteWriter. */
  commitIntervalMs?: number;
  /** Rows a respondent's deletion scans per transaction (default 50,000): see SqliteWriter. */
  deleteChunkRows?: number;
  /** Commits of at least this many rows run on a Worker thread (default 256): see SqliteWriter. */
  workerRows?: number;
  /** How much of the file report reads map into memory, in bytes (default 1 GiB; 0 reads with system calls only). */
  mmapBytes?: number;
}


/** A row of summed counts: its segment, dimension value, and `n0` … `n10` per score. */
type ScoreVectorRow = { k: number; v: string | null; [column: `n${number}`]: number };

// One CountRow per score value counted.
const unpivot = (row: ScoreVectorRow): CountRow[] =>
  SCORE_COLUMNS.flatMap((column, score) => (row[column]! > 0 ? [{ k: row.k, v: row.v, score, n: row[column]! }] : []));

// MATERIALIZED: read straight from json_each, every reference to seg.k re-parsed its JSON for each
// joined row, which made a 90-day trend over 75,000 hourly counts take 85 ms instead of 30.
const SEGMENTS = `WITH seg(k, a, b) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?))`;

/**
 * The embedded store: one SQLite file in WAL mode. Writes are group-committed and on disk before they
 * resolve (see SqliteWriter), with hourly and daily counts kept in the same transaction; reports read
 * those counts, plus raw rows at sub-hour edges, on the calling thread from one snapshot.
 */
export class SqliteStore implements Store {
  /** The database file (a temporary one for `:memory:`). */
  readonly file: string;
  readonly #db: Database.Database;
  readonly #writer: SqliteWriter;
  readonly #pageSize: number;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #temporaryDir: string | null;
  #closed: Promise<void> | null = null;

  /** Opens (creating if needed) and migrates the file at `path`; `:memory:` uses a temporary file removed on close. */
  constructor(path: string, options: SqliteStoreOptions = {}) {
    // The writer and its Worker need their own connections to the same database, so memory becomes a temporary file.
    this.#temporaryDir = path === ':memory:' ? mkdtempSync(join(tmpdir(), 'koe-sqlite-')) : null;
    this.file = this.#temporaryDir ? join(this.#temporaryDir, 'koe.db') : path;
    this.#pageSize = options.pageSize ?? 1000;
    const busyTimeout = options.busyTimeout ?? 5000;
    const cacheKiB = options.cacheKiB ?? 65_536;
    this.#db = new Database(this.file);
    try {
      this.#db.pragma(`busy_timeout = ${busyTimeout}`);
      // Only takes effect on a new file. Large pages cut the b-tree work per insert by about a quarter
      // (measured: 11 → 8 µs of CPU per answer), which is what batch ingest is bound by.
      this.#db.pragma('page_size = 16384');
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = FULL');
      this.#db.pragma(`cache_size = -${cacheKiB}`);
      // Reports that read raw rows (breakdowns by context key) touch pages all over the file: mapped, they
      // are read from the OS cache without a system call and a copy each (measured: 2.0 → 0.7–0.9 s for a
      // breakdown by context key over 337,000 answers). Only this reading connection maps the file.
      this.#db.pragma(`mmap_size = ${options.mmapBytes ?? 1024 ** 3}`);
      migrateSqlite(this.#db);
      registerTally(this.#db);
    } catch (error) {
      this.#db.close();
      throw error;
    }
    this.#writer = new SqliteWriter(this.file, {
      busyTimeout,
      cacheKiB,
      commitIntervalMs: options.commitIntervalMs,
      deleteChunkRows: options.deleteChunkRows,
      workerRows: options.workerRows,
    });
  }

  /** Commits made and writes they carried since opening (writes / commits is the group-commit factor). */
  get writeStats(): WriteStats {
    return this.#writer.stats;
  }

  async insert(responses: readonly SurveyResponse[], receivedAt: Date, cases?: readonly (boolean | null)[]): Promise<InsertResult> {
    if (responses.length === 0) return { accepted: 0, duplicates: 0 };
    const rows = responses.map((response) => toRow(response, receivedAt));
    const accepted = await this.#writer.write(cases?.some((opens) => opens != null) ? { type: 'insert', rows, cases: [...cases] } : { type: 'insert', rows });
    return { accepted, duplicates: responses.length - accepted };
  }

  countsByScore(filter: ResponseFilter): Promise<ScoreCounts> {
    return scoreCounts(filter, (segments, dimension) => this.#count(filter, segments, dimension));
  }

  async countsByPeriod(filter: ResponseFilter, options: TrendOptions): Promise<PeriodCounts[]> {
    return periodCounts(this.#range(filter), options, (segments, dimension) => this.#count(filter, segments, dimension));
  }

  countsByDimension(filter: ResponseFilter, by: Dimension): Promise<DimensionCounts[]> {
    return dimensionCounts(filter, by, (segments, dimension) => this.#count(filter, segments, dimension));
  }

  async *responses(filter: ResponseFilter): AsyncIterable<StoredResponse> {
    const { from, to } = filterRange(filter);
    const extra = this.#sliceSql(filter, 'r');
    // Keyset pages rather than one open cursor: a slow consumer never holds the connection busy.
    const first = this.#prepare(
      `SELECT ${READ_COLUMNS}, answered_at FROM responses r WHERE site = ? AND survey = ? AND answered_at >= ? AND answered_at < ?${extra.sql}
       ORDER BY answered_at, id LIMIT ?`,
    );
    const next = this.#prepare(
      `SELECT ${READ_COLUMNS}, answered_at FROM responses r WHERE site = ? AND survey = ? AND answered_at >= ? AND answered_at < ?${extra.sql}
       AND (answered_at > ? OR id > ?) ORDER BY answered_at, id LIMIT ?`,
    );
    let page = first.all(filter.site, filter.survey, from, to, ...extra.params, this.#pageSize) as (ReadRow & { answered_at: number })[];
    while (page.length > 0) {
      for (const row of page) yield fromRow(row);
      if (page.length < this.#pageSize) return;
      const last = page[page.length - 1]!;
      page = next.all(filter.site, filter.survey, last.answered_at, to, ...extra.params, last.answered_at, last.id, this.#pageSize) as (ReadRow & {
        answered_at: number;
      })[];
    }
  }

  async comments(filter: CommentFilter): Promise<CommentPage> {
    const { sql, params } = commentListQuery(filter, filterRange(filter), () => '?', 'sqlite');
    return commentPage(this.#prepare(sql).all(...params) as (ReadRow & { answered_at: number })[], filter.limit);
  }

  async cases(filter: CaseFilter): Promise<CasePage> {
    const { sql, params } = caseListQuery(filter, () => '?');
    return casePage(this.#prepare(sql).all(...params) as CaseRow[], filter.limit);
  }

  async countCases(filter: Omit<CaseFilter, 'limit' | 'before'>): Promise<number> {
    const { sql, params } = caseCountQuery({ ...filter, limit: 0 }, () => '?');
    return Number((this.#prepare(sql).get(...params) as { n: number }).n);
  }

  async updateCase(id: string, update: CaseUpdate, at: Date): Promise<FollowUpCase | null> {
    const [changed] = await this.#writer.write({ type: 'case', action: 'update', id, at: at.getTime(), set: updateFields(update) });
    return changed === undefined ? null : this.#case(changed);
  }

  async claimNotifications(at: Date, until: Date, limit: number): Promise<DueCase[]> {
    // A read first: most polls find nothing due, and a claim is a commit and a flush of the log.
    if (this.#prepare('SELECT 1 FROM cases WHERE notify_at <= ? LIMIT 1').get(at.getTime()) === undefined) return [];
    const ids = await this.#writer.write({ type: 'case', action: 'claim', at: at.getTime(), until: until.getTime(), limit });
    return ids.flatMap((id) => {
      const row = this.#caseRow(id);
      return row ? [{ case: fromCaseRow(row), attempt: Number(row.attempts) }] : [];
    });
  }

  async recordNotification(id: string, attempt: number, outcome: NotificationOutcome): Promise<void> {
    const [deliveredAt, error, retryAt] = outcomeFields(outcome);
    await this.#writer.write({ type: 'case', action: 'notified', id, attempt, deliveredAt, error, retryAt });
  }

  #caseRow(id: string): CaseRow | undefined {
    return this.#prepare(`SELECT ${CASE_COLUMNS} FROM cases c JOIN responses r ON r.id = c.id WHERE c.id = ?`).get(id) as CaseRow | undefined;
  }

  #case(id: string): FollowUpCase | null {
    const row = this.#caseRow(id);
    return row ? fromCaseRow(row) : null;
  }

  async deleteRespondent(id: string): Promise<number> {
    // Chunk by chunk, each its own transaction, so answers keep arriving while a large table is scanned.
    let total = 0;
    for (let after: number | null = 0; after !== null; ) {
      const [deleted, next]: [number, number | null] = await this.#writer.write({ type: 'delete', id, after });
      total += deleted;
      after = next;
    }
    return total;
  }

  async close(): Promise<void> {
    this.#closed ??= (async () => {
      try {
        await this.#writer.close();
      } finally {
        this.#db.close();
        if (this.#temporaryDir) rmSync(this.#temporaryDir, { recursive: true, force: true });
      }
    })();
    return this.#closed;
  }

  /** The filter's range, or when it has no bounds, the span of its answers (null when there are none). */
  #range(filter: ResponseFilter): { from: number; to: number } | null {
    if (filter.from && filter.to) return filterRange(filter);
    const { from, to } = filterRange(filter);
    const extra = this.#sliceSql(filter, 'r');
    const span = this.#prepare(
      `SELECT min(answered_at) AS lo, max(answered_at) AS hi FROM responses r
       WHERE site = ? AND survey = ? AND answered_at >= ? AND answered_at < ?${extra.sql}`,
    ).get(filter.site, filter.survey, from, to, ...extra.params) as { lo: number | null; hi: number | null };
    if (span.lo === null || span.hi === null) return null;
    return { from: filter.from ? from : span.lo, to: filter.to ? to : span.hi + 1 };
  }

  #sliceSql(filter: ResponseFilter, alias: string): { sql: string; params: string[] } {
    let sql = '';
    const params: string[] = [];
    if (filter.channel !== undefined) {
      sql += ` AND ${alias}.channel = ?`;
      params.push(filter.channel);
    }
    if (filter.touchpoint !== undefined) {
      sql += ` AND ${alias}.touchpoint = ?`;
      params.push(filter.touchpoint);
    }
    sql += contextConditions(filter, `${alias}.`, (value) => (params.push(value), '?'), 'sqlite');
    return { sql, params };
  }

  /** Counts per segment, dimension value and score, from one read snapshot. */
  #count(filter: ResponseFilter, segments: readonly Segment[], dimension: DimensionColumn | null): CountRow[] {
    if (segments.length === 0) return [];
    // The hourly and daily counts know site, survey, channel, touchpoint, locale and score (see countSlice);
    // anything else reads raw rows.
    const slice = countSlice(filter, dimension);
    const { counts, raw } = slice !== null ? coverSegments(segments) : { counts: [], raw: segments };
    const channel = filter.channel === undefined ? [] : [filter.channel];
    const touchpoint = filter.touchpoint === undefined ? [] : [filter.touchpoint];
    const read = this.#db.transaction((): CountRow[] => {
      // concat, not push(...): a breakdown by a context key may return more groups than a call takes arguments.
      let rows: CountRow[] = [];
      if (counts.length > 0 && slice !== null) {
        const keys = 'keys' in slice ? slice.keys : slice.to === null ? [slice.from] : [slice.from, slice.to];
        const sql = `WITH p(k, w, a, b) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?))
          SELECT p.k AS k, ${sliceValueSql('c', dimension, 'NULL', slice)} AS v, ${SCORE_COLUMNS.map((n) => `sum(c.${n}) AS ${n}`).join(', ')}
          FROM p CROSS JOIN score_counts c
          WHERE c.site = ? AND c.survey = ? AND c.width = p.w AND c.start >= p.a AND c.start < p.b AND ${
            'keys' in slice ? `c.channel IN (${keys.map(() => '?').join(', ')})` : slice.to === null ? 'c.channel >= ?' : 'c.channel >= ? AND c.channel < ?'
          }
          GROUP BY 1, 2`;
        const json = JSON.stringify(counts.map((piece) => [piece.key, piece.width, piece.a, piece.b]));
        const vectors = this.#prepare(sql).all(json, filter.site, filter.survey, ...keys) as ScoreVectorRow[];
        rows = rows.concat(vectors.flatMap(unpivot));
      }
      if (raw.length > 0) {
        // The context key's path is a parameter, so the statement cache holds one statement, not one per key asked for.
        const path = dimension !== null && 'contextKey' in dimension ? [`$."${dimension.contextKey}"`] : [];
        const value = dimension === null ? 'NULL' : 'column' in dimension ? `r.${dimension.column}` : 'json_extract(r.context, ?)';
        // Index-only for everything but locale and context: responses_time holds channel, score and touchpoint.
        const context: string[] = [];
        const sql = `${SEGMENTS} SELECT ${TALLY}(seg.k, ${value}, r.score)
          FROM seg CROSS JOIN responses r INDEXED BY responses_time
          WHERE r.site = ? AND r.survey = ? AND r.answered_at >= seg.a AND r.answered_at < seg.b${channel.length ? ' AND r.channel = ?' : ''}${
            touchpoint.length ? ' AND r.touchpoint = ?' : ''
          }${contextConditions(filter, 'r.', (v) => (context.push(v), '?'), 'sqlite')}`;
        const json = JSON.stringify(raw.map((segment) => [segment.key, segment.a, segment.b]));
        rows = rows.concat(tallyRows(this.#prepare(sql).pluck().get(json, ...path, filter.site, filter.survey, ...channel, ...touchpoint, ...context) as string));
      }
      return rows;
    });
    return read.deferred();
  }

  #prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) this.#statements.set(sql, (statement = this.#db.prepare(sql)));
    return statement;
  }
}
