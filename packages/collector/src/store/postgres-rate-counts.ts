import { createHmac } from 'node:crypto';
import type { Sql } from 'postgres';
import type { SharedRateCounts } from '../http/rate-limit.js';

/** Options of `PostgresRateCounts` (tests shorten them). */
export interface PostgresRateCountsOptions {
  /**
   * Rows of windows older than this before the current one are deleted, in ms (default 5 minutes): a
   * process whose clock lags a little behind still finds the window it counts in.
   */
  keepMs?: number;
  /** How long after the last exchange a timer deletes what is old by then, in ms (default keepMs + 1 minute). */
  idleMs?: number;
}

/**
 * Rate-limit counts shared by every collector process on one database, in the unlogged `rate_counts`
 * table. Each exchange is one upsert of a process's new hits that returns the totals; keys are sorted so
 * that concurrent exchanges lock rows in the same order and never deadlock.
 */
export class PostgresRateCounts implements SharedRateCounts {
  readonly #sql: Sql;
  readonly #ready: () => Promise<void>;
  #secret: Promise<string> | null = null;
  #pruned = -Infinity;
  #idle: ReturnType<typeof setTimeout> | undefined;
  readonly #keepMs: number;
  readonly #idleMs: number;

  constructor(sql: Sql, ready: () => Promise<void>, options: PostgresRateCountsOptions = {}) {
    this.#sql = sql;
    this.#ready = ready;
    this.#keepMs = options.keepMs ?? 5 * 60_000;
    this.#idleMs = options.idleMs ?? this.#keepMs + 60_000;
  }

  async exchangeRateCounts(windowStart: number, hits: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    if (hits.size === 0) return new Map();
    await this.#ready();
    const secret = await (this.#secret ??= this.#loadSecret());
    const byHash = new Map<string, string>();
    for (const key of hits.keys()) byHash.set(createHmac('sha256', secret).update(key).digest('base64url').slice(0, 22), key);
    const hashes = [...byHash.keys()].sort();
    const rows = await this.#sql.unsafe<{ key: string; n: number }[]>(
      `INSERT INTO rate_counts (window_start, key, n)
       SELECT $1::bigint, k, n FROM unnest($2::text[], $3::int[]) AS t(k, n) ORDER BY k
       ON CONFLICT (window_start, key) DO UPDATE SET n = rate_counts.n + excluded.n
       RETURNING key, n`,
      [windowStart, hashes, hashes.map((hash) => hits.get(byHash.get(hash)!)!)] as never[],
    );
    if (windowStart > this.#pruned) {
      this.#pruned = windowStart;
      this.#prune(windowStart - this.#keepMs);
    }
    // Once traffic stops no exchange comes to prune: a timer deletes the last windows when they are old.
    const at = Date.now();
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.#prune(windowStart + (Date.now() - at) - this.#keepMs), this.#idleMs);
    this.#idle.unref?.();
    return new Map(rows.map((row) => [byHash.get(row.key)!, Number(row.n)]));
  }

  /** Stops the idle timer (the store closes its connections next). */
  close(): void {
    clearTimeout(this.#idle);
  }

  /**
   * Best effort and not awaited: the hits are committed by now, and failing the exchange would make the
   * limiter send them again (counted twice); old rows missed now go with the next prune.
   */
  #prune(before: number): void {
    this.#sql.unsafe('DELETE FROM rate_counts WHERE window_start < $1::bigint', [before] as never[]).catch(() => {});
  }

  async #loadSecret(): Promise<string> {
    try {
      const [row] = await this.#sql<{ value: string }[]>`SELECT value FROM koe_secrets WHERE name = 'rate_key'`;
      if (!row) throw new Error('koe_secrets has no rate_key');
      return row.value;
    } catch (error) {
      this.#secret = null;
      throw error;
    }
  }
}
