import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import type { Store } from './store.js';
import { storeConformance } from './test-conformance.js';
import { dropSchemas, testDatabaseUrl, testSchemaName } from './test-postgres.js';

const url = testDatabaseUrl();
const schemas: string[] = [];
const schemaOf = new WeakMap<Store, string>();
afterAll(() => (url ? dropSchemas(url, schemas) : undefined));

async function openIn(schema: string): Promise<PostgresStore> {
  const store = await PostgresStore.open(url!, { schema, max: 4 });
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
});
