import type { WalSync } from './wal-sync.js';

/** Counters of a writer since it opened. */
export interface WriteStats {
  commits: number;
  writes: number;
  workerCommits: number;
}

/** Options of the group-commit writer. */
export interface SqliteWriterOptions {
  /** How long a write waits for another process's write lock before failing, in ms (default 5000). */
  busyTimeout?: number;
  /** The write connection's page cache, in KiB (default 65536: 64 MiB). */
  cacheKiB?: number;
  /**
   * Under load, the least time between the starts of two commits, in ms. Default 0: commit as soon as
   * the previous commit is on disk (lowest latency; what a closed-loop benchmark rewards).
   */
  commitIntervalMs?: number;
  /** Rows a respondent's deletion scans per transaction, so ingest never waits long behind it (default 50,000). */
  deleteChunkRows?: number;
  /**
   * When to copy the log into the database file: after this many commits or inserted rows, whichever
   * comes first (default 256 commits or 40,000 rows: about 1,000 to 2,000 log pages, SQLite's own default
   * being 1,000).
   */
  checkpointAfter?: { commits: number; rows: number };
  /** Commits of at least this many rows run on the Worker, in parallel with this thread (default 256). */
  workerRows?: number;
  /** What makes the log durable after a commit made on this thread (default: a WalSync of the file; tests replace it). */
  logSync?: Pick<WalSync, 'sync' | 'close'>;
}
