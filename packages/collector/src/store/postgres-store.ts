import postgres, { type Sql } from 'postgres';
import type { CaseUpdate, FollowUpCase, ScoreCounts, SurveyResponse } from '@koe/core';
import { contextConditions } from './context-sql.js';
import { commentListQuery, commentPage, type CommentFilter, type CommentPage } from './comments.js';
import { CASE_COLUMNS, caseCountQuery, caseListQuery, casePage, fromCaseRow, outcomeFields, updateFields, type CaseRow } from './cases.js';
import { CountCompactor, countQuery, runCountQuery } from './postgres-counts.js';
import { countRowsSql, migratePostgres, POSTGRES_SCHEMA_VERSION } from './postgres-migrations.js';
import { PostgresRateCounts } from './postgres-rate-counts.js';
import { PostgresWriter } from './postgres-writer.js';
import { dimensionCounts, periodCounts, scoreCounts, type CountRow } from './report-assembly.js';
import { filterRange, type DimensionColumn, type Segment } from './report-plan.js';
import { READ_COLUMNS, fromRow, toRow, type ReadRow } from './rows.js';
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

/** Options of the PostgreSQL store. */
export interface PostgresStoreOptions {
  /** The schema to keep koe's tables in (created if missing); default: the connection's search_path. */
  schema?: string;
  /** Most connections in the pool (default 10). */
  max?: number;
  /** Rows per page when streaming an export (default 1000). */
  pageSize?: number;
  /** Least time between two compactions of the count deltas, in ms (default 1000). */
  compactIntervalMs?: number;
}


type Row = ReadRow & { answered_at: string };

// JSON columns come back as their text, as fromRow parses them (the driver would parse json itself).
/** READ_COLUMNS with the JSON columns read as text, as fromRow parses them. */
const PG_READ_COLUMNS = READ_COLUMNS.replace('context', 'context::text AS context').replace('respondent', 'respondent::text AS respondent');
const PG_CASE_COLUMNS = CASE_COLUMNS.replace('r.context,', 'r.context::text AS context,').replace('r.respondent,', 'r.respondent::text AS respondent,');

/**
 * The store for deployments past one machine: any number of collector processes share one PostgreSQL
 * database. Ids are the primary key (ON CONFLICT DO NOTHING), so retries landing on different processes
 * still store once; each process group-commits its concurrent writes (see PostgresWriter).
 */
export class PostgresStore implements Store {
  readonly #sql: Sql;
  readonly #writer: PostgresWriter;
  readonly #compactor: CountCompactor;
  readonly #rateCounts: PostgresRateCounts;
  readonly #pageSize: number;
  readonly #ready: Promise<void>;
  #closed: Promise<void> | null = null;

  /** Connects lazily; use `PostgresStore.open` to also wait for the migrations. */
  constructor(url: string, options: PostgresStoreOptions = {}) {
    this.#sql = postgres(url, {
      max: options.max ?? 10,
      onnotice: () => {},
      // 202 means durable: a server-wide synchronous_commit = off must not weaken that for koe's writes.
      connection: { application_name: 'koe', synchronous_commit: 'on', ...(options.schema ? { search_path: options.schema } : {}) },
    });
    this.#compactor = new CountCompactor(this.#sql, options.compactIntervalMs);
    this.#writer = new PostgresWriter(this.#sql, () => this.#compactor.nudge());
    this.#pageSize = options.pageSize ?? 1000;
    this.#ready = migratePostgres(this.#sql, options.schema).then(() => undefined);
    this.#rateCounts = new PostgresRateCounts(this.#sql, () => this.#ready);
    // Surfaced by `open` and by every call; never an unhandled rejection.
    this.#ready.catch(() => {});
  }

  /** Connects and migrates; rejects when the database is unreachable or the schema is newer than this koe. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const store = new PostgresStore(url, options);
    try {
      await store.#ready;
    } catch (error) {
      await store.#sql.end({ timeout: 1 }).catch(() => {});
      throw error;
    }
    return store;
  }

  async insert(responses: readonly SurveyResponse[], receivedAt: Date, cases?: readonly (boolean | null)[]): Promise<InsertResult> {
    if (responses.length === 0) return { accepted: 0, duplicates: 0 };
    const rows = responses.map((response) => toRow(response, receivedAt));
    if (this.#closed) throw new Error('the store is closed');
    await this.#ready;
    const accepted = await this.#writer.write(rows, cases);
    return { accepted, duplicates: rows.length - accepted };
  }

  async comments(filter: CommentFilter): Promise<CommentPage> {
    await this.#ready;
    const { sql, params } = commentListQuery(filter, filterRange(filter), (n) => `$${n}`, 'postgres', PG_READ_COLUMNS);
    return commentPage(await this.#sql.unsafe<Row[]>(sql, params as never[]), filter.limit);
  }

  async cases(filter: CaseFilter): Promise<CasePage> {
    await this.#ready;
    const { sql, params } = caseListQuery(filter, (n) => `$${n}`, PG_CASE_COLUMNS);
    return casePage(await this.#sql.unsafe<CaseRow[]>(sql, params as never[]), filter.limit);
  }

  async countCases(filter: Omit<CaseFilter, 'limit' | 'before'>): Promise<number> {
    await this.#ready;
    const { sql, params } = caseCountQuery({ ...filter, limit: 0 }, (n) => `$${n}`);
    const [row] = await this.#sql.unsafe<{ n: string }[]>(sql, params as never[]);
    return Number(row?.n ?? 0);
  }

  async updateCase(id: string, update: CaseUpdate, at: Date): Promise<FollowUpCase | null> {
    await this.#ready;
    const [status, assignee, note] = updateFields(update);
    const changed = await this.#sql.unsafe<{ id: string }[]>(
      `UPDATE cases SET status = coalesce($1, status), assignee = CASE WHEN $2 THEN $3 ELSE assignee END,
       note = CASE WHEN $4 THEN $5 ELSE note END, updated_at = $6 WHERE id = $7 RETURNING id`,
      [status, assignee !== undefined, assignee ?? null, note !== undefined, note ?? null, at.getTime(), id] as never[],
    );
    if (changed.length === 0) return null;
    const [row] = await this.#caseRows([id]);
    return row ? fromCaseRow(row) : null;
  }

  async claimNotifications(at: Date, until: Date, limit: number): Promise<DueCase[]> {
    await this.#ready;
    // SKIP LOCKED: processes polling at once each take other cases instead of queueing on the same rows.
    const claimed = await this.#sql.unsafe<{ id: string }[]>(
      `UPDATE cases SET notify_at = $1, attempts = attempts + 1 WHERE id IN
       (SELECT id FROM cases WHERE notify_at <= $2 ORDER BY notify_at LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING id`,
      [until.getTime(), at.getTime(), limit] as never[],
    );
    if (claimed.length === 0) return [];
    return (await this.#caseRows(claimed.map((c) => c.id))).map((row) => ({ case: fromCaseRow(row), attempt: Number(row.attempts) }));
  }

  async recordNotification(id: string, attempt: number, outcome: NotificationOutcome): Promise<void> {
    await this.#ready;
    const [deliveredAt, error, retryAt] = outcomeFields(outcome);
    // The attempt number fences a late report: once the case was claimed again, an older claim's outcome is stale.
    await this.#sql.unsafe(`UPDATE cases SET notify_at = $1, notified_at = coalesce($2, notified_at), notify_error = $3 WHERE id = $4 AND attempts = $5`, [
      retryAt,
      deliveredAt,
      error,
      id,
      attempt,
    ] as never[]);
  }

  #caseRows(ids: string[]): Promise<CaseRow[]> {
    return this.#sql.unsafe<CaseRow[]>(`SELECT ${PG_CASE_COLUMNS} FROM cases c JOIN responses r ON r.id = c.id WHERE c.id = ANY($1::text[]) ORDER BY c.notify_at`, [
      ids,
    ] as never[]);
  }

  countsByScore(filter: ResponseFilter): Promise<ScoreCounts> {
    return scoreCounts(filter, (segments, dimension) => this.#count(filter, segments, dimension));
  }

  async countsByPeriod(filter: ResponseFilter, options: TrendOptions): Promise<PeriodCounts[]> {
    return periodCounts(await this.#range(filter), options, (segments, dimension) => this.#count(filter, segments, dimension));
  }

  countsByDimension(filter: ResponseFilter, by: Dimension): Promise<DimensionCounts[]> {
    return dimensionCounts(filter, by, (segments, dimension) => this.#count(filter, segments, dimension));
  }

  async *responses(filter: ResponseFilter): AsyncIterable<StoredResponse> {
    await this.#ready;
    const { from, to } = filterRange(filter);
    const params: unknown[] = [filter.site, filter.survey, from, to];
    const slice = this.#sliceSql(filter, params, 'r');
    const columns = PG_READ_COLUMNS;
    const base = `SELECT ${columns}, answered_at FROM responses r
      WHERE site = $1 AND survey = $2 AND answered_at >= $3 AND answered_at < $4${slice}`;
    const n = params.length;
    // Keyset pages rather than a cursor: no transaction stays open while a slow client downloads.
    let page = await this.#sql.unsafe<Row[]>(`${base} ORDER BY answered_at, id LIMIT ${this.#pageSize}`, params as never[]);
    while (page.length > 0) {
      for (const row of page) yield fromRow(row);
      if (page.length < this.#pageSize) return;
      const last = page[page.length - 1]!;
      page = await this.#sql.unsafe<Row[]>(
        `${base} AND (answered_at, id) > ($${n + 1}::bigint, $${n + 2}) ORDER BY answered_at, id LIMIT ${this.#pageSize}`,
        [...params, last.answered_at, last.id] as never[],
      );
    }
  }

  async deleteRespondent(id: string): Promise<number> {
    await this.#ready;
    // The count deltas of the deleted answers go in the same statement (one transaction).
    const [result] = await this.#sql.unsafe<{ n: string }[]>(
      `WITH gone AS (DELETE FROM responses WHERE (anonymous_id = $1 OR user_id = $1) AND (SELECT koe_require_schema(${POSTGRES_SCHEMA_VERSION})) RETURNING site, survey, answered_at, channel, touchpoint, locale, score),
       deltas AS (INSERT INTO response_count_deltas (site, survey, width, start, channel, score, n) ${countRowsSql('gone', '-1')})
       SELECT count(*) AS n FROM gone`,
      [id],
    );
    const deleted = Number(result?.n ?? 0);
    if (deleted > 0) this.#compactor.nudge();
    return deleted;
  }

  /** Adds rate-limit hits to the counts every collector process on this database shares; resolves to the totals. */
  exchangeRateCounts(windowStart: number, hits: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    // A limiter's last exchange may come while the process shuts down: there is nothing left to share with.
    if (this.#closed) return Promise.resolve(new Map());
    return this.#rateCounts.exchangeRateCounts(windowStart, hits);
  }

  async close(): Promise<void> {
    this.#closed ??= (async () => {
      await this.#ready.catch(() => {});
      await this.#writer.drain();
      await this.#compactor.close();
      this.#rateCounts.close();
      await this.#sql.end({ timeout: 5 });
    })();
    return this.#closed;
  }

  /** The filter's range, or when it has no bounds, the span of its answers (null when there are none). */
  async #range(filter: ResponseFilter): Promise<{ from: number; to: number } | null> {
    const { from, to } = filterRange(filter);
    if (filter.from && filter.to) return { from, to };
    await this.#ready;
    const params: unknown[] = [filter.site, filter.survey, from, to];
    const slice = this.#sliceSql(filter, params, 'r');
    const [span] = await this.#sql.unsafe<{ lo: string | null; hi: string | null }[]>(
      `SELECT min(answered_at) AS lo, max(answered_at) AS hi FROM responses r
       WHERE site = $1 AND survey = $2 AND answered_at >= $3 AND answered_at < $4${slice}`,
      params as never[],
    );
    if (!span || span.lo === null || span.hi === null) return null;
    return { from: filter.from ? from : Number(span.lo), to: filter.to ? to : Number(span.hi) + 1 };
  }

  #sliceSql(filter: ResponseFilter, params: unknown[], alias: string): string {
    let sql = '';
    if (filter.channel !== undefined) {
      params.push(filter.channel);
      sql += ` AND ${alias}.channel = $${params.length}`;
    }
    if (filter.touchpoint !== undefined) {
      params.push(filter.touchpoint);
      sql += ` AND ${alias}.touchpoint = $${params.length}`;
    }
    sql += contextConditions(filter, `${alias}.`, (value) => (params.push(value), `$${params.length}`), 'postgres');
    return sql;
  }

  /** Counts per segment, dimension value and score in one statement (one snapshot): see countQuery. */
  async #count(filter: ResponseFilter, segments: readonly Segment[], dimension: DimensionColumn | null): Promise<CountRow[]> {
    if (segments.length === 0) return [];
    await this.#ready;
    return runCountQuery(this.#sql, countQuery(filter, segments, dimension));
  }

  /** Folds the count deltas into the counts now (tests, bulk loads); false when another process was at it. */
  compactCounts(): Promise<boolean> {
    return this.#compactor.compact();
  }
}
