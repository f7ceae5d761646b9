import type { Sql } from 'postgres';
import { countRowsSql, POSTGRES_SCHEMA_VERSION } from './postgres-migrations.js';
import { ROW_COLUMNS, type ResponseRow } from './rows.js';

interface Pending {
  rows: ResponseRow[];
  cases?: readonly (boolean | null)[];
  resolve: (accepted: number) => void;
  reject: (error: Error) => void;
}

const TYPES = ['text', 'text', 'text', 'text', 'smallint', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'bigint', 'text', 'bigint'];
// JSON travels as text and is cast in SQL: sent as json[] the driver would encode the strings again.
const JSON_COLUMNS = new Set<string>(['context', 'respondent']);
// One array parameter per column: a batch of any size is one statement with 17 parameters. The count
// deltas of the rows it stored go in with them, in the same statement (one transaction).
const INSERT = `WITH stored AS (
    INSERT INTO responses (${ROW_COLUMNS.join(', ')})
    SELECT ${ROW_COLUMNS.map((c) => (JSON_COLUMNS.has(c) ? `${c}::json` : c)).join(', ')}
    FROM unnest(${TYPES.map((type, i) => `$${i + 1}::${type}[]`).join(', ')}) AS u(${ROW_COLUMNS.join(', ')})
    WHERE (SELECT koe_require_schema(${POSTGRES_SCHEMA_VERSION}))
    ON CONFLICT (id) DO NOTHING RETURNING id, site, survey, answered_at, channel, touchpoint, locale, score
  ), deltas AS (
    INSERT INTO response_count_deltas (site, survey, width, start, channel, score, n) ${countRowsSql('stored', '1')}
  )
  SELECT id FROM stored`;
// The same, opening the follow-up cases of the rows it stored ($18: their ids, $19: 1 where a webhook
// announces one, 0 where none: the driver sends no boolean arrays) in the same statement. A separate statement, so batches that open none plan no extra step.
const INSERT_OPENING_CASES = INSERT.replace('RETURNING id, site, survey,', 'RETURNING id, site, survey, received_at,').replace(
  '\n  SELECT id FROM stored',
  `, opened AS (
    INSERT INTO cases (id, site, survey, opened_at, updated_at, notify_at)
    SELECT s.id, s.site, s.survey, s.received_at, s.received_at, CASE WHEN c.notify = 1 THEN s.received_at END
    FROM stored s JOIN unnest($18::text[], $19::int[]) AS c(id, notify) ON c.id = s.id
  )
  SELECT id FROM stored`,
);

/**
 * Group commit for PostgreSQL: calls queued while a batch commits go out together as the next one,
 * one multi-row INSERT in one transaction. Rows are sorted by id, so concurrent batches from several
 * processes take row locks in the same order and cannot deadlock.
 */
export class PostgresWriter {
  readonly #sql: Sql;
  readonly #committed: () => void;
  #queue: Pending[] = [];
  #inFlight: Promise<void> | null = null;

  /** `committed` runs after each commit that stored rows (the store compacts count deltas from there). */
  constructor(sql: Sql, committed: () => void = () => {}) {
    this.#sql = sql;
    this.#committed = committed;
  }

  /** Queues rows (and the cases they open, see Store.insert); resolves to how many were new once their transaction is committed. */
  write(rows: ResponseRow[], cases?: readonly (boolean | null)[]): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.#queue.push({ rows, cases, resolve, reject });
      this.#flush();
    });
  }

  /** Resolves once everything queued so far is committed (or failed). */
  async drain(): Promise<void> {
    while (this.#inFlight) await this.#inFlight;
  }

  #flush(): void {
    if (this.#inFlight || this.#queue.length === 0) return;
    const batch = this.#queue;
    this.#queue = [];
    this.#inFlight = this.#commit(batch).finally(() => {
      this.#inFlight = null;
      this.#flush();
    });
  }

  async #commit(batch: Pending[]): Promise<void> {
    try {
      const inserted = await this.#insert(batch);
      if (inserted.size > 0) this.#committed();
      for (const pending of batch) {
        let accepted = 0;
        // The first occurrence of an id in the batch is the one stored; later ones are duplicates.
        for (const row of pending.rows) if (inserted.delete(row[0])) accepted++;
        pending.resolve(accepted);
      }
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error as Error);
        return;
      }
      // Something in the batch failed: redo each call alone so only the faulty one is rejected.
      await Promise.all(batch.map((p) => this.#commit([p])));
    }
  }

  async #insert(batch: readonly Pending[]): Promise<Set<string>> {
    const unique = new Map<string, ResponseRow>();
    // Whether each id opens a case (and is announced), as its first occurrence says: that one is stored.
    const opens = new Map<string, boolean | null>();
    for (const { rows, cases } of batch) {
      rows.forEach((row, i) => {
        if (unique.has(row[0])) return;
        unique.set(row[0], row);
        if (cases?.[i] != null) opens.set(row[0], cases[i]!);
      });
    }
    const sorted = [...unique.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const columns: unknown[] = ROW_COLUMNS.map((_, i) => sorted.map((row) => row[i]));
    if (opens.size > 0) columns.push([...opens.keys()], [...opens.values()].map((notify) => (notify ? 1 : 0)));
    // One statement is one transaction (autocommit): a single round trip per batch. The connection
    // runs with synchronous_commit = on (see PostgresStore), so it returns only once the WAL is flushed.
    const result = await this.#sql.unsafe<{ id: string }[]>(opens.size > 0 ? INSERT_OPENING_CASES : INSERT, columns as never[]);
    return new Set(result.map((r) => r.id));
  }
}
