import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/**
 * The PostgreSQL URL tests use, or null to skip them. With KOE_REQUIRE_SERVICES=1 (CI) a missing URL is
 * an error, so a misconfigured CI fails instead of silently skipping the PostgreSQL run.
 */
export function testDatabaseUrl(): string | null {
  const url = process.env.KOE_TEST_DATABASE_URL;
  if (url) return url;
  if (process.env.KOE_REQUIRE_SERVICES === '1') {
    throw new Error('KOE_REQUIRE_SERVICES=1 but KOE_TEST_DATABASE_URL is not set: PostgreSQL tests cannot run');
  }
  return null;
}

/** A fresh schema name per run, so parallel runs and earlier leftovers never meet. */
export function testSchemaName(prefix = 'koe_test'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Drops the schemas a test run created. */
export async function dropSchemas(url: string, schemas: readonly string[]): Promise<void> {
  if (schemas.length === 0) return;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const schema of schemas) await sql`DROP SCHEMA IF EXISTS ${sql(schema)} CASCADE`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
