import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store.js';
import { POSTGRES_MIGRATIONS, countRowsSql, migratePostgres } from './postgres-migrations.js';
import { ROW_COLUMNS, toRow } from './rows.js';
import { randomResponses } from './test-data.js';
import type { Store } from './store.js';
import { storeConformance } from './test-conformance.js';
import { dropSchemas, testDatabaseUrl, testSchemaName } from './test-postgres.js';

const url = testDatabaseUrl();
const schemas: string[] = [];
const schemaOf = new WeakMap<Store, string>();
afterAll(() => (url ? dropSchemas(url, schemas) : undefined));

async function openIn(schema: string, compactIntervalMs?: number): Promise<PostgresStore> {
  const store = await PostgresStore.open(url!, { schema, max: 4, ...(compactIntervalMs === undefined ? {} : { compactIntervalMs }) });
  schemaOf.set(store, schema);
  return store;
}

storeConformance(
  'PostgresStore',
  url === null
    ? null
    : {
        create: async () => {
          const schema = testSchemaName();
          schemas.push(schema);
          return openIn(schema);
        },
        reopen: async (store) => openIn(schemaOf.get(store)!),
      },
);

describe.skipIf(url === null)('PostgresStore specifics', () => {
  it('migrates once when several processes start at the same time', async () => {
    const schema = testSchemaName();
    schemas.push(schema);
    const stores = await Promise.all(Array.from({ length: 5 }, () => openIn(schema)));
    const sql = postgres(url!, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql`SELECT version FROM ${sql(schema)}.koe_migrations ORDER BY version`;
      expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    } finally {
      await sql.end();
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('fails clearly when the database is unreachable', async () => {
    await expect(PostgresStore.open('postgres://postgres@127.0.0.1:1/none', { schema: 'x' })).rejects.toThrow();
  });

  const survey = { id: 'nps', kind: 'nps' as const };
  const counted = (rows: Record<string, unknown>[]) =>
    rows.map((r) => `${r.site}|${r.survey}|${r.width}|${r.start}|${r.channel}|${r.score}|${r.n}`).sort();

  /** The counts the store keeps (compacted plus deltas), and the counts rebuilt from its rows. */
  async function countsIn(schema: string): Promise<{ kept: string[]; rebuilt: string[]; deltas: number; zero: number }> {
    const sql = postgres(url!, { max: 1, onnotice: () => {}, connection: { search_path: schema } });
    try {
      const key = 'site, survey, width, start, channel, score';
      const kept = await sql.unsafe(`SELECT ${key}, sum(n)::bigint AS n FROM (SELECT * FROM response_counts UNION ALL SELECT * FROM response_count_deltas) c
        GROUP BY ${key} HAVING sum(n) <> 0`);
      const rebuilt = await sql.unsafe(`SELECT ${key}, sum(n)::bigint AS n FROM (${countRowsSql('responses', '1')}) c GROUP BY ${key}`);
      const [deltas] = await sql.unsafe('SELECT count(*)::int AS n FROM response_count_deltas');
      const [zero] = await sql.unsafe('SELECT count(*)::int AS n FROM response_counts WHERE n <= 0');
      return { kept: counted(kept), rebuilt: counted(rebuilt), deltas: deltas!.n, zero: zero!.n };
    } finally {
      await sql.end();
    }
  }

  it('keeps the counts equal to the rows through duplicates, deletions and compactions, several processes at once', async () => {
    const schema = testSchemaName();
    schemas.push(schema);
    // Two collectors on one database, compacting as often as they can while answers arrive.
    const [a, b] = await Promise.all([openIn(schema, 0), openIn(schema, 0)]);
    const data = randomResponses({ site: 's', surveys: [survey], count: 600, from: new Date('2026-05-01Z'), to: new Date('2026-05-04Z'), seed: 9 });
    data.forEach((r, i) => (r.respondent = { anonymousId: `anon-${i % 7}` }));
    await Promise.all(data.slice(0, 400).map((r, i) => (i % 2 ? a : b).insert([r], new Date())));
    const before = await a.countsByScore({ site: 's', survey: 'nps' });
    await Promise.all([
      a.deleteRespondent('anon-3'),
      // Retries of stored answers (duplicates) and new ones, on both processes, while compactions run.
      ...data.slice(300, 600).map((r, i) => (i % 2 ? b : a).insert([r], new Date())),
      a.compactCounts(),
      b.compactCounts(),
    ]);
    const midway = await countsIn(schema);
    expect(midway.kept).toEqual(midway.rebuilt);
    await Promise.all([a.close(), b.close()]);
    const after = await countsIn(schema);
    expect(after.kept).toEqual(after.rebuilt);
    expect(after.deltas).toBe(0);
    expect(after.zero).toBe(0);
    expect(before[9]).toBeGreaterThan(0);
    const store = await openIn(schema);
    const rows = await store.countsByScore({ site: 's', survey: 'nps' });
    expect(Object.values(rows).reduce((x, y) => x + y, 0)).toBe(await totalRows(schema));
    await store.close();
  });

  async function totalRows(schema: string): Promise<number> {
    const sql = postgres(url!, { max: 1, onnotice: () => {}, connection: { search_path: schema } });
    try {
      const [row] = await sql.unsafe('SELECT count(*)::int AS n FROM responses');
      return row!.n;
    } finally {
      await sql.end();
    }
  }

  it('reports the same before and after the deltas are compacted', async () => {
    const schema = testSchemaName();
    schemas.push(schema);
    const store = await openIn(schema, 3_600_000);
    const data = randomResponses({ site: 's', surveys: [survey], count: 500, from: new Date('2026-03-01Z'), to: new Date('2026-04-15Z'), seed: 4 });
    for (const r of data.slice(0, 40)) r.respondent = { anonymousId: 'leaving' };
    await store.insert(data, new Date());
    expect(await store.deleteRespondent('leaving')).toBe(40);
    const filter = { site: 's', survey: 'nps', from: new Date('2026-03-03T05:30:00Z'), to: new Date('2026-04-10Z') };
    const reports = () =>
      Promise.all([
        store.countsByScore(filter),
        store.countsByScore({ ...filter, channel: 'chat' }),
        store.countsByPeriod(filter, { interval: 'day', timeZone: 'Asia/Kolkata' }),
        store.countsByPeriod(filter, { interval: 'week', timeZone: 'America/New_York' }),
        store.countsByDimension(filter, 'channel'),
        store.countsByScore({ ...filter, touchpoint: 'checkout' }),
        store.countsByDimension(filter, 'touchpoint'),
        store.countsByDimension(filter, 'locale'),
      ]);
    const uncompacted = await reports();
    expect((await countsIn(schema)).deltas).toBeGreaterThan(0);
    expect(await store.compactCounts()).toBe(true);
    expect((await countsIn(schema)).deltas).toBe(0);
    expect(await reports()).toEqual(uncompacted);
    await store.close();
  });

  it('builds the counts of a version 1 database with answers in it', async () => {
    const schema = testSchemaName();
    schemas.push(schema);
    const sql = postgres(url!, { max: 1, onnotice: () => {}, connection: { search_path: schema } });
    const data = randomResponses({ site: 's', surveys: [survey], count: 200, from: new Date('2026-01-01Z'), to: new Date('2026-01-20Z'), seed: 5 });
    try {
      await migratePostgres(sql, schema, POSTGRES_MIGRATIONS.slice(0, 1));
      const rows = data.map((r) => toRow(r, new Date()));
      // Written as koe 1 wrote them: rows only, no counts.
      for (const row of rows) {
        await sql.unsafe(
          `INSERT INTO responses (${ROW_COLUMNS.join(', ')}) VALUES (${ROW_COLUMNS.map((c, i) => `$${i + 1}${c === 'context' || c === 'respondent' ? '::json' : ''}`).join(', ')})`,
          row as unknown as never[],
        );
      }
    } finally {
      await sql.end();
    }
    const store = await openIn(schema);
    const want: Record<number, number> = {};
    for (const r of data) want[r.score] = (want[r.score] ?? 0) + 1;
    expect(await store.countsByScore({ site: 's', survey: 'nps', from: new Date('2026-01-01Z'), to: new Date('2026-01-21Z') })).toEqual(want);
    await store.close();
    const { kept, rebuilt, deltas } = await countsIn(schema);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(rebuilt);
    expect(deltas).toBe(0);
  });

  it('refuses writes from a collector older than the schema once a newer one migrated (a rolling upgrade)', async () => {
    const schema = testSchemaName();
    schemas.push(schema);
    const old = await openIn(schema);
    const sql = postgres(url!, { max: 2, onnotice: () => {}, connection: { search_path: schema } });
    const [first, second] = randomResponses({ site: 's', surveys: [survey], count: 2, from: new Date('2026-01-01Z'), to: new Date('2026-01-02Z'), seed: 8 });
    try {
      expect((await old.insert([first!], new Date())).accepted).toBe(1);
      // A newer koe's migration: it holds the answers' table until it commits.
      const newer = [...POSTGRES_MIGRATIONS, { version: POSTGRES_MIGRATIONS.length + 1, name: 'newer', sql: 'SELECT pg_sleep(0.3)' }];
      const migrating = migratePostgres(sql, schema, newer);
      for (let i = 0; i < 200; i++) {
        const [held] = await sql`SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE c.relname = 'responses' AND c.relnamespace = ${schema}::regnamespace AND l.mode = 'ShareRowExclusiveLock' AND l.granted`;
        if (held!.n > 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      // The old collector's write waits for the migration, then sees it and stores nothing.
      const write = old.insert([second!], new Date());
      expect(await migrating).toEqual([newer.at(-1)!.version]);
      await expect(write).rejects.toThrow(`koe: the database was migrated past schema version ${POSTGRES_MIGRATIONS.length} by a newer koe`);
      await expect(old.deleteRespondent('someone')).rejects.toThrow('koe: the database was migrated past schema version');
      const rows = await sql`SELECT id FROM responses`;
      expect(rows.map((r) => r.id)).toEqual([first!.id]);
    } finally {
      await sql.end();
      await old.close();
    }
  });
});
