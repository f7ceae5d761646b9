import { createHmac } from 'node:crypto';
import type { Sql } from 'postgres';
import type { SharedRateCounts } from '../http/rate-limit.js';

// Rows of windows older than this before the current one are deleted: a process whose clock lags a
// little behind still finds the window it counts in.
const KEEP_MS = 5 * 60_000;

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

  constructor(sql: Sql, ready: () => Promise<void>) {
    this.#sql = sql;
    this.#ready = ready;
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
      await this.#sql.unsafe('DELETE FROM rate_counts WHERE window_start < $1::bigint', [windowStart - KEEP_MS] as never[]);
    }
    return new Map(rows.map((row) => [byHash.get(row.key)!, Number(row.n)]));
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
