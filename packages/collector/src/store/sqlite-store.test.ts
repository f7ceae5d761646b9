import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';
import type { Store } from './store.js';
import { storeConformance } from './test-conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'koe-sqlite-test-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeConformance('SqliteStore', {
  create: async () => new SqliteStore(join(dir, `store-${++files}.db`)),
  reopen: async (store: Store) => new SqliteStore((store as SqliteStore).file),
});

describe('SqliteStore specifics', () => {
  it('uses WAL with synchronous = FULL and records each migration once', async () => {
    const file = join(dir, 'pragmas.db');
    await new SqliteStore(file).close();
    await new SqliteStore(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM koe_migrations ORDER BY version').pluck().all()).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
    db.close();
  });

  it('refuses a database written by a newer koe', async () => {
    const file = join(dir, 'newer.db');
    await new SqliteStore(file).close();
    const db = new Database(file);
    db.prepare("INSERT INTO koe_migrations (version, name, applied_at) VALUES (999, 'future', 0)").run();
    db.close();
    expect(() => new SqliteStore(file)).toThrow(/schema version 999/);
  });

  it('groups concurrent inserts into few commits', async () => {
    const store = new SqliteStore(':memory:');
    const answer = (i: number) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, site: 's', survey: 'q', kind: 'nps' as const, score: i % 11, locale: 'en', channel: 'web' as const, answeredAt: '2026-11-20T10:00:00Z' });
    await Promise.all(Array.from({ length: 300 }, (_, i) => store.insert([answer(i)], new Date())));
    expect(store.writeStats.writes).toBe(300);
    // All 300 were queued in one turn of the event loop: one commit, or a few at most.
    expect(store.writeStats.commits).toBeLessThanOrEqual(3);
    await store.insert([answer(1000)], new Date());
    expect(store.writeStats.commits).toBeLessThanOrEqual(4);
    await store.close();
  });

  it('rejects only the faulty call of a group commit', async () => {
    const store = new SqliteStore(':memory:');
    const good = { id: '00000000-0000-4000-8000-000000000001', site: 's', survey: 'q', kind: 'nps' as const, score: 9, locale: 'en', channel: 'web' as const, answeredAt: '2026-11-20T10:00:00Z' };
    // A NOT NULL violation the schemas would normally stop before the store.
    const bad = { ...good, id: '00000000-0000-4000-8000-000000000002', site: null as unknown as string };
    const results = await Promise.allSettled([store.insert([good], new Date()), store.insert([bad], new Date())]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: { accepted: 1, duplicates: 0 } });
    expect(results[1]!.status).toBe('rejected');
    expect(await store.countsByScore({ site: 's', survey: 'q' })).toEqual({ 9: 1 });
    await store.close();
    await expect(store.insert([good], new Date())).rejects.toThrow(/closed/);
  });
});
