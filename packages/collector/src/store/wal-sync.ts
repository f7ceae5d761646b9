import { closeSync, fdatasync, fstatSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Makes a SQLite database's write-ahead log durable off the event loop. The write connection runs with
 * `synchronous = NORMAL`, so a commit only writes its frames to the log; `sync()` then flushes the log
 * on libuv's thread pool (fdatasync on Linux flushes the whole file, whichever descriptor wrote it).
 * What a commit wrote before `sync()` was called is on disk once it resolves: the guarantee of
 * `synchronous = FULL`, without the event loop waiting for the disk.
 */
export class WalSync {
  readonly path: string;
  #fd: number | null = null;

  /** `database`: the database file; its log is `<database>-wal`. */
  constructor(database: string) {
    this.path = `${database}-wal`;
  }

  /** Flushes everything written to the log so far to disk. */
  sync(): Promise<void> {
    let fd: number;
    try {
      fd = this.#open();
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
  }

  /** Closes the log's descriptor (the log itself belongs to SQLite). */
  close(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }

  #open(): number {
    // SQLite deletes the log only when its last connection closes, and the store keeps two open, but a
    // descriptor of a deleted log would make every later sync a silent no-op: check the link count.
    if (this.#fd !== null && fstatSync(this.#fd).nlink > 0) return this.#fd;
    this.close();
    // Read-write although nothing is written through it: Windows flushes only handles opened for writing.
    this.#fd = openSync(this.path, 'r+');
    // The log's directory entry must survive a power cut too: SQLite syncs it on its own first sync of
    // the log, which under synchronous = NORMAL waits for the first checkpoint.
    // (Windows can neither open nor needs to flush a directory.)
    if (process.platform !== 'win32') {
      const dir = openSync(dirname(this.path), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    }
    return this.#fd;
  }
}
