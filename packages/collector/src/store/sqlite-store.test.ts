import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SCALES } from '@koe/core';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store.js';
import { SCORE_COLUMNS, SQLITE_MIGRATIONS, migrateSqlite, rebuildCountsSql } from './sqlite-migrations.js';
import { ROW_COLUMNS, toRow } from './rows.js';
import { randomResponses } from './test-data.js';
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
  it('uses WAL and records each migration once', async () => {
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

  const countsTable = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT * FROM score_counts ORDER BY site, survey, width, start, channel').all();
    } finally {
      db.close();
    }
  };
  const rebuilt = (file: string) => {
    const copy = join(dir, `rebuilt-${++files}.db`);
    const db = new Database(file);
    db.exec(`VACUUM INTO '${copy}'`);
    db.close();
    const other = new Database(copy);
    other.exec(rebuildCountsSql());
    other.close();
    return countsTable(copy);
  };
  const survey = { id: 'nps', kind: 'nps' as const };

  it('upgrades a version 1 database: its answers are counted (per score, then as score vectors), its random-order indexes dropped', async () => {
    const file = join(dir, 'v1.db');
    const db = new Database(file);
    migrateSqlite(db, SQLITE_MIGRATIONS.slice(0, 1));
    const data = randomResponses({ site: 's', surveys: [survey], count: 300, from: new Date('2026-01-01Z'), to: new Date('2026-03-01Z'), seed: 3 });
    const insert = db.prepare(`INSERT INTO responses (${ROW_COLUMNS.join(', ')}) VALUES (${ROW_COLUMNS.map(() => '?').join(', ')})`);
    for (const r of data) insert.run(toRow(r, new Date()));
    db.close();
    const store = new SqliteStore(file);
    const want: Record<number, number> = {};
    for (const r of data) want[r.score] = (want[r.score] ?? 0) + 1;
    expect(await store.countsByScore({ site: 's', survey: 'nps', from: new Date('2025-12-31T23:30Z') })).toEqual(want);
    await store.close();
    expect(countsTable(file).length).toBeGreaterThan(0);
    expect(countsTable(file)).toEqual(rebuilt(file));
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'responses' AND sql IS NOT NULL").pluck().all()).toEqual(['responses_time']);
    check.close();
  });

  it('keeps a column of score counts for every value of every scale', () => {
    for (const scale of Object.values(SCALES)) {
      expect(scale.min).toBeGreaterThanOrEqual(0);
      expect(scale.max).toBeLessThan(SCORE_COLUMNS.length);
    }
  });

  it('keeps the counts equal to the rows through duplicates, failures and chunked deletions under load', async () => {
    const file = join(dir, 'counts.db');
    const store = new SqliteStore(file, { deleteChunkRows: 7 });
    const data = randomResponses({ site: 's', surveys: [survey], count: 400, from: new Date('2026-05-01Z'), to: new Date('2026-05-04Z'), seed: 8 });
    data.forEach((r, i) => (r.respondent = { anonymousId: `anon-${i % 9}`, ...(i % 4 === 0 ? { userId: `user-${i % 5}` } : {}) }));
    await store.insert(data.slice(0, 250), new Date());
    // Deletions scan 7 rows per transaction while inserts (some of them retries) keep arriving between chunks.
    const [deleted] = await Promise.all([
      store.deleteRespondent('anon-3'),
      ...data.slice(150, 400).map((r) => store.insert([r], new Date())),
    ]);
    const gone = (r: (typeof data)[number]) => r.respondent?.anonymousId === 'anon-3';
    expect(deleted).toBeGreaterThanOrEqual(data.slice(0, 250).filter(gone).length);
    const rest = deleted + (await store.deleteRespondent('anon-3'));
    expect(rest).toBe(data.filter(gone).length);
    expect(await store.deleteRespondent('user-2')).toBe(data.filter((r) => !gone(r) && r.respondent?.userId === 'user-2').length);
    const kept = data.filter((r) => !gone(r) && r.respondent?.userId !== 'user-2');
    const want: Record<number, number> = {};
    for (const r of kept) want[r.score] = (want[r.score] ?? 0) + 1;
    expect(await store.countsByScore({ site: 's', survey: 'nps' })).toEqual(want);
    await store.close();
    const table = countsTable(file) as Record<string, number>[];
    expect(table.every((row) => Math.max(...SCORE_COLUMNS.map((column) => row[column]!)) > 0)).toBe(true);
    expect(table).toEqual(rebuilt(file));
  });
});
