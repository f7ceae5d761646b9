import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { WalSync } from './wal-sync.js';

const dir = mkdtempSync(join(tmpdir(), 'koe-wal-sync-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Descriptors of this process open on `path`, including deleted ones. */
const openOn = (path: string) =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith(path);
    } catch {
      return false;
    }
  });

function writeWal(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS t (x); INSERT INTO t VALUES (1)');
  return db;
}

describe('WalSync', () => {
  it('refuses clearly when the database has no log', async () => {
    await expect(new WalSync(join(dir, 'none.db')).sync()).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.runIf(process.platform === 'linux')('follows a log SQLite deleted and created again', async () => {
    const file = join(dir, 'a.db');
    const wal = `${file}-wal`;
    const deleted = () => openOn(wal).filter((fd) => readlinkSync(`/proc/self/fd/${fd}`).endsWith('(deleted)'));
    const sync = new WalSync(file);
    const db = writeWal(file);
    await sync.sync();
    // The last connection's close deletes the log; the next one creates a new file.
    db.close();
    expect(deleted()).toHaveLength(1);
    const again = writeWal(file);
    await sync.sync();
    expect(deleted()).toHaveLength(0);
    expect(openOn(wal).length).toBeGreaterThan(0);
    again.close();
    sync.close();
    expect(openOn(wal)).toHaveLength(0);
  });
});
