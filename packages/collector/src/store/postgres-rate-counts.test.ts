import postgres from 'postgres';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../http/rate-limit.js';
import { PostgresRateCounts } from './postgres-rate-counts.js';
import { PostgresStore } from './postgres-store.js';
import { dropSchemas, testDatabaseUrl, testSchemaName } from './test-postgres.js';

const url = testDatabaseUrl();
const schemas: string[] = [];
afterAll(() => (url ? dropSchemas(url, schemas) : undefined));

/** Two stores on one fresh schema: two collector processes sharing a database. */
async function twoProcesses(): Promise<{ schema: string; stores: PostgresStore[] }> {
  const schema = testSchemaName('koe_rate');
  schemas.push(schema);
  const stores = await Promise.all([0, 1].map(() => PostgresStore.open(url!, { schema, max: 2 })));
  return { schema, stores };
}

async function tableOf(schema: string): Promise<{ window_start: string; key: string; n: number }[]> {
  const sql = postgres(url!, { max: 1, onnotice: () => {} });
  try {
    return await sql`SELECT window_start, key, n FROM ${sql(schema)}.rate_counts ORDER BY window_start, key`;
  } finally {
    await sql.end();
  }
}

describe.skipIf(url === null)('PostgresStore: shared rate-limit counts', () => {
  it('adds up the hits of every process per window and key, and keeps no address', async () => {
    const { schema, stores } = await twoProcesses();
    const [a, b] = stores as [PostgresStore, PostgresStore];
    try {
      expect(await a.exchangeRateCounts(60_000, new Map([['203.0.113.7\u0000shop', 2], ['2001:db8::/64\u0000shop', 1]]))).toEqual(
        new Map([['203.0.113.7\u0000shop', 2], ['2001:db8::/64\u0000shop', 1]]),
      );
      expect(await b.exchangeRateCounts(60_000, new Map([['203.0.113.7\u0000shop', 3]]))).toEqual(new Map([['203.0.113.7\u0000shop', 5]]));
      expect(await b.exchangeRateCounts(120_000, new Map([['203.0.113.7\u0000shop', 1]]))).toEqual(new Map([['203.0.113.7\u0000shop', 1]]));
      const rows = await tableOf(schema);
      expect(rows.map((row) => [Number(row.window_start), row.n]).sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!)).toEqual([
        [60_000, 1],
        [60_000, 5],
        [120_000, 1],
      ]);
      for (const row of rows) expect(row.key).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(JSON.stringify(rows)).not.toContain('203.0.113');
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('deletes windows more than five minutes old, and survives exchanges racing on the same keys', async () => {
    const { schema, stores } = await twoProcesses();
    const [a, b] = stores as [PostgresStore, PostgresStore];
    try {
      await a.exchangeRateCounts(0, new Map([['old', 1]]));
      const keys = Array.from({ length: 2000 }, (_, i) => `10.0.${i >> 8}.${i & 255}\u0000shop`);
      // Opposite orders on purpose: sorted upserts take the row locks in one order, so no deadlock.
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).exchangeRateCounts(600_000, new Map((i % 2 ? keys : [...keys].reverse()).map((key) => [key, 1]))),
        ),
      );
      // The prune goes after the exchange has answered, not awaited.
      await vi.waitFor(async () => expect((await tableOf(schema)).some((row) => Number(row.window_start) === 0)).toBe(false));
      const rows = await tableOf(schema);
      expect(rows.every((row) => Number(row.window_start) === 600_000)).toBe(true);
      expect(rows).toHaveLength(2000);
      expect(rows.every((row) => row.n === 10)).toBe(true);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('answers an exchange whose prune fails, and counts its hits once', async () => {
    const { schema, stores } = await twoProcesses();
    const [a] = stores as [PostgresStore];
    const sql = postgres(url!, { max: 1, onnotice: () => {} });
    try {
      await a.exchangeRateCounts(0, new Map([['old', 1]]));
      await sql.unsafe(`CREATE FUNCTION ${schema}.refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no deletes'; END $$;
        CREATE TRIGGER refuse BEFORE DELETE ON ${schema}.rate_counts FOR EACH ROW EXECUTE FUNCTION ${schema}.refuse()`);
      expect(await a.exchangeRateCounts(600_000, new Map([['ip', 3]]))).toEqual(new Map([['ip', 3]]));
      expect((await tableOf(schema)).map((row) => row.n).sort()).toEqual([1, 3]);
    } finally {
      await sql.end();
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('deletes the last windows on a timer once the exchanges stop', async () => {
    const { schema, stores } = await twoProcesses();
    const sql = postgres(url!, { max: 1, onnotice: () => {}, connection: { search_path: schema } });
    const counts = new PostgresRateCounts(sql, async () => {}, { keepMs: 0, idleMs: 50 });
    try {
      await counts.exchangeRateCounts(60_000, new Map([['ip', 1]]));
      expect(await tableOf(schema)).toHaveLength(1);
      await vi.waitFor(async () => expect(await tableOf(schema)).toEqual([]));
    } finally {
      counts.close();
      await sql.end();
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('lets two limiters on two processes hold a client to one limit', async () => {
    const { stores } = await twoProcesses();
    const now = () => 1_800_000;
    const [a, b] = stores.map((shared) => new RateLimiter(now, { shared, syncMs: 60_000 })) as [RateLimiter, RateLimiter];
    try {
      for (let i = 0; i < 3; i++) expect(a.hit('ip', 4).allowed).toBe(true);
      await a.sync();
      expect(b.hit('ip', 4).allowed).toBe(true);
      await b.sync();
      expect(b.hit('ip', 4).allowed).toBe(false);
      expect(b.check('ip', 4).allowed).toBe(false);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('shares nothing, quietly, once closed (a last exchange during shutdown)', async () => {
    const { schema, stores } = await twoProcesses();
    await Promise.all(stores.map((store) => store.close()));
    expect(await stores[0]!.exchangeRateCounts(0, new Map([['ip', 1]]))).toEqual(new Map());
    expect(await tableOf(schema)).toEqual([]);
  });
});
