import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SurveyResponse } from '@koe/core';
import { afterAll, describe, expect, it } from 'vitest';
import { toRow } from './rows.js';
import { SCORE_COLUMNS } from './sqlite-migrations.js';
import { SqliteStore } from './sqlite-store.js';
import { SqliteWriter } from './sqlite-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'koe-writer-test-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A migrated, empty database file. */
async function database(): Promise<string> {
  const file = join(dir, `writer-${++files}.db`);
  await new SqliteStore(file).close();
  return file;
}

let ids = 0;
const answer = (score: number): SurveyResponse => ({
  id: `01900000-0000-7000-8000-${String(++ids).padStart(12, '0')}`,
  site: 's',
  survey: 'q',
  kind: 'nps',
  score,
  locale: 'en',
  channel: 'web',
  answeredAt: '2026-11-20T10:00:00Z',
});
const insert = (n: number) => ({ type: 'insert' as const, rows: Array.from({ length: n }, (_, i) => toRow(answer(i % 11), new Date())) });

function rowsIn(file: string): { rows: number; counted: number } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      rows: db.prepare('SELECT count(*) FROM responses').pluck().get() as number,
      counted: db.prepare(`SELECT sum(${SCORE_COLUMNS.join(' + ')}) FROM score_counts WHERE width = 3600000 AND channel = ''`).pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('SqliteWriter', () => {
  it('commits small batches on the event loop and large ones on its Worker, counting both alike', async () => {
    const file = await database();
    const writer = new SqliteWriter(file, { workerRows: 50 });
    expect(await writer.write(insert(3))).toBe(3);
    expect(writer.stats).toEqual({ commits: 1, writes: 1, workerCommits: 0 });
    expect(await writer.write(insert(60))).toBe(60);
    expect(writer.stats).toEqual({ commits: 2, writes: 2, workerCommits: 1 });
    // Ten small writes queued in one turn add up to 50 rows: one commit, on the Worker.
    expect(await Promise.all(Array.from({ length: 10 }, () => writer.write(insert(5))))).toEqual(Array(10).fill(5));
    expect(writer.stats).toEqual({ commits: 3, writes: 12, workerCommits: 2 });
    await writer.close();
    expect(rowsIn(file)).toEqual({ rows: 113, counted: 113 });
  });

  it('answers a write only once its log is on disk, and fails every write after a failed flush', async () => {
    const file = await database();
    const flushes: { resolve: () => void; reject: (error: Error) => void }[] = [];
    const logSync = { sync: () => new Promise<void>((resolve, reject) => flushes.push({ resolve, reject })), close: () => {} };
    const writer = new SqliteWriter(file, { logSync });
    let done = false;
    const first = writer.write(insert(2)).then((n) => ((done = true), n));
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Committed (a reader sees it), but not answered before the flush completes.
    expect(rowsIn(file).rows).toBe(2);
    expect(flushes).toHaveLength(1);
    expect(done).toBe(false);
    // Writes arriving meanwhile wait for the flush in progress, then share the next commit.
    const queued = [writer.write(insert(1)), writer.write(insert(1))];
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(flushes).toHaveLength(1);
    flushes[0]!.resolve();
    expect(await first).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(flushes).toHaveLength(2);
    flushes[1]!.reject(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    for (const write of queued) await expect(write).rejects.toThrow(/could not flush the SQLite log to disk: EIO/);
    // The disk's state is unknown after a failed flush (the kernel may have dropped the pages): nothing more is promised.
    await expect(writer.write(insert(1))).rejects.toThrow(/could not flush/);
    expect(writer.stats.commits).toBe(2);
    await writer.close();
  });

  it('keeps the log bounded under continuous writes: checkpoints let it start over', async () => {
    const file = await database();
    const writer = new SqliteWriter(file, { checkpointAfter: { commits: 4, rows: 1_000_000 } });
    // A write the Worker makes: once it is answered, the Worker that checkpoints is up.
    expect(await writer.write(insert(300))).toBe(300);
    // 200 rounds of 25 concurrent writes: a commit is always queued behind the one in flight.
    for (let round = 0; round < 200; round++) await Promise.all(Array.from({ length: 25 }, () => writer.write(insert(2))));
    const walBytes = statSync(`${file}-wal`).size;
    const commits = writer.stats.commits;
    await writer.close();
    expect(commits).toBeGreaterThanOrEqual(200);
    // Without checkpoints the log would hold every commit's pages (several 16 KiB pages each); it holds
    // far less than one page per commit.
    expect(walBytes).toBeLessThan(commits * 16_384);
    expect(rowsIn(file)).toEqual({ rows: 10_300, counted: 10_300 });
  });

  it('waits for another process holding the write lock without blocking the event loop', async () => {
    const file = await database();
    const writer = new SqliteWriter(file, { busyTimeout: 5000 });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 5);
    const written = writer.write(insert(2));
    await new Promise((resolve) => setTimeout(resolve, 120));
    other.exec('COMMIT');
    other.close();
    expect(await written).toBe(2);
    clearInterval(ticker);
    // The timer kept firing while the write waited for the lock.
    expect(ticks).toBeGreaterThan(5);
    await writer.close();
  });

  it('fails a write once busyTimeout passes with the lock still taken, and keeps working after', async () => {
    const file = await database();
    const writer = new SqliteWriter(file, { busyTimeout: 60 });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    await expect(writer.write(insert(1))).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(writer.stats.commits).toBe(0);
    other.exec('ROLLBACK');
    other.close();
    expect(await writer.write(insert(1))).toBe(1);
    await writer.close();
    await expect(writer.write(insert(1))).rejects.toThrow(/closed/);
  });
});
