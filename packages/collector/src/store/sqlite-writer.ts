import Database from 'better-sqlite3';
import { SqliteWorker, type CommitOutcome } from './sqlite-worker.js';
import { prepareWriteSql, weightOf, type CaseOp, type DeleteOp, type InsertOp, type WriteOp, type WriteResult, type WriteSql } from './sqlite-write-sql.js';
import type { SqliteWriterOptions, WriteStats } from './sqlite-writer-options.js';
import { WalSync } from './wal-sync.js';

export type { CaseOp, DeleteOp, InsertOp, WriteOp } from './sqlite-write-sql.js';
export type { SqliteWriterOptions, WriteStats } from './sqlite-writer-options.js';

interface Pending {
  op: WriteOp;
  resolve: (value: WriteResult) => void;
  reject: (error: Error) => void;
  /** Set once its transaction ran: what to settle it with when the log is on disk. */
  outcome?: { ok: true; value: WriteResult } | { ok: false; error: Error };
}

// While another process holds SQLite's write lock, retry this often rather than block the event loop.
const BUSY_RETRY_MS = 10;

/**
 * Group commit with the disk wait off the event loop. Writes queue while the previous commit is being
 * made durable; once it is, its writes are answered, and everything queued meanwhile goes out as the next
 * batch in one transaction. A batch of a few hundred rows or fewer (single answers under load) commits
 * here, on the event loop, and its log goes to disk with one fdatasync on the thread pool: handing a few
 * rows to a Worker and back cost more CPU than writing them (measured: 38 against 24 µs per answer at 21
 * answers per commit). Larger batches and deletions go to the Worker, which writes them on another core
 * while this thread parses the next requests.
 */
export class SqliteWriter {
  readonly #db: Database.Database;
  readonly #sql: WriteSql;
  readonly #wal: Pick<WalSync, 'sync' | 'close'>;
  readonly #interval: number;
  readonly #busyTimeout: number;
  #queue: Pending[] = [];
  #queuedRows = 0;
  /** Batches committed or being committed, not yet durable: one made here, or up to two on the Worker. */
  readonly #inFlight = new Set<Pending[]>();
  #onMain = false;
  #timer: NodeJS.Immediate | NodeJS.Timeout | null = null;
  #busySince: number | null = null;
  #lastFlush = -Infinity;
  #lastBatch = 0;
  #commits = 0;
  #workerCommits = 0;
  #writes = 0;
  #failure: Error | null = null;
  readonly #worker: SqliteWorker;
  readonly #workerRows: number;
  readonly #checkpointAfter: { commits: number; rows: number };
  #since = { commits: 0, rows: 0 };
  /** idle; copying: a checkpoint runs beside commits; pausing, finishing: commits wait for the last pass. */
  #checkpoint: 'idle' | 'copying' | 'pausing' | 'finishing' = 'idle';
  #closing: Promise<void> | null = null;
  #drained: (() => void) | null = null;

  constructor(file: string, options: SqliteWriterOptions = {}) {
    this.#interval = options.commitIntervalMs ?? 0;
    this.#busyTimeout = options.busyTimeout ?? 5000;
    this.#db = new Database(file);
    try {
      this.#db.pragma('journal_mode = WAL');
      // Durability comes from WalSync after each commit (see there), not from SQLite's own fsync.
      this.#db.pragma('synchronous = NORMAL');
      // Lock waits are retried on a timer (BUSY_RETRY_MS) so the event loop never sleeps in SQLite.
      this.#db.pragma('busy_timeout = 0');
      // Indexes of a large table stay in memory instead of being re-read from the OS cache on every insert.
      this.#db.pragma(`cache_size = -${options.cacheKiB ?? 65_536}`);
      // Checkpoints run on the Worker (SqliteWorker), never inside a commit on the event loop.
      this.#db.pragma('wal_autocheckpoint = 0');
      this.#sql = prepareWriteSql(this.#db, options.deleteChunkRows ?? 50_000);
    } catch (error) {
      this.#db.close();
      throw error;
    }
    this.#wal = options.logSync ?? new WalSync(file);
    this.#checkpointAfter = options.checkpointAfter ?? { commits: 256, rows: 40_000 };
    this.#workerRows = options.workerRows ?? 256;
    this.#worker = new SqliteWorker(file, {
      busyTimeout: this.#busyTimeout,
      cacheKiB: options.cacheKiB ?? 65_536,
      deleteChunkRows: options.deleteChunkRows ?? 50_000,
    });
  }

  /** Commits made, writes they carried (group commit at work), and how many of the commits the Worker made. */
  get stats(): WriteStats {
    return { commits: this.#commits, writes: this.#writes, workerCommits: this.#workerCommits };
  }

  /** Queues a write; resolves once its transaction is committed and on disk. */
  write(op: InsertOp): Promise<number>;
  write(op: DeleteOp): Promise<[deleted: number, next: number | null]>;
  write(op: CaseOp): Promise<string[]>;
  write(op: WriteOp): Promise<WriteResult> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closing) return Promise.reject(new Error('the store is closed'));
    return new Promise<WriteResult>((resolve, reject) => {
      this.#queue.push({ op, resolve, reject });
      this.#queuedRows += weightOf(op, this.#workerRows);
      this.#schedule();
    });
  }

  /** Commits what is queued, then closes the write connection. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      if (!this.#idle()) await new Promise<void>((resolve) => (this.#drained = resolve));
      this.#cancel();
      await this.#worker.close();
      this.#wal.close();
      this.#db.close();
    })();
    return this.#closing;
  }

  /**
   * Starts the next commit once the previous one is on disk and this turn of the event loop has ended,
   * so every request parsed in the meantime shares it. Under load (several writes per commit) it also
   * waits until `commitIntervalMs` after the previous commit began; a quiet server never waits.
   */
  #schedule(): void {
    if (this.#timer || !this.#ready()) return;
    const linger = this.#lastBatch > 1 || this.#queue.length > 1 ? this.#interval : 0;
    const wait = this.#lastFlush + linger - performance.now();
    const run = () => {
      this.#timer = null;
      this.#flush();
    };
    this.#timer = wait > 0 ? setTimeout(run, wait) : setImmediate(run);
  }

  #cancel(): void {
    if (!this.#timer) return;
    if ('refresh' in this.#timer) clearTimeout(this.#timer);
    else clearImmediate(this.#timer as NodeJS.Immediate);
    this.#timer = null;
  }

  #flush(): void {
    if (!this.#ready()) return;
    const batch = this.#queue;
    const forWorker = this.#queuedRows >= this.#workerRows;
    this.#queue = [];
    this.#queuedRows = 0;
    if (forWorker) {
      this.#count(batch);
      this.#workerCommits += 1;
      this.#inFlight.add(batch);
      this.#worker.commit(batch.map((pending) => pending.op)).then(
        (outcomes) => {
          batch.forEach((pending, i) => (pending.outcome = outcomeOf(outcomes[i])));
          this.#settle(batch);
        },
        (error: Error) => this.#fail(error),
      );
      return;
    }
    if (!this.#commit(batch)) {
      // Another process holds the write lock: try again shortly, failing the batch past busyTimeout.
      this.#busySince ??= performance.now();
      if (performance.now() - this.#busySince < this.#busyTimeout) {
        this.#queue = batch.concat(this.#queue);
        for (const { op } of batch) this.#queuedRows += weightOf(op, this.#workerRows);
        this.#timer = setTimeout(() => {
          this.#timer = null;
          this.#flush();
        }, BUSY_RETRY_MS);
        return;
      }
      // Nothing was written: answer the batch now, no commit to count and no log to flush.
      this.#busySince = null;
      const error = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      for (const pending of batch) pending.outcome = { ok: false, error };
      this.#settle(batch);
      return;
    }
    this.#busySince = null;
    this.#count(batch);
    this.#inFlight.add(batch);
    this.#onMain = true;
    this.#wal.sync().then(
      () => this.#settle(batch),
      (error: Error) => this.#fail(Object.assign(new Error(`koe could not flush the SQLite log to disk: ${error.message}`), { cause: error })),
    );
  }

  /**
   * Whether the queue may go out now. Small batches commit here, only when nothing else is in flight.
   * Large ones and deletions (scans) go to the Worker, up to two at a time, so it never sits idle waiting
   * for the next batch while this thread answers the last one. A deletion counts as `workerRows` rows.
   */
  #ready(): boolean {
    if (this.#queue.length === 0 || this.#paused() || this.#onMain) return false;
    if (this.#inFlight.size === 0) return true;
    return this.#inFlight.size < 2 && this.#queuedRows >= this.#workerRows;
  }

  #count(batch: Pending[]): void {
    this.#lastFlush = performance.now();
    this.#lastBatch = batch.length;
    this.#commits += 1;
    this.#writes += batch.length;
    this.#since.commits += 1;
    for (const { op } of batch) this.#since.rows += weightOf(op, 1_000);
  }

  /** Runs the batch's transaction(s), recording each write's outcome; false when the write lock was busy. */
  #commit(batch: Pending[]): boolean {
    try {
      const results = this.#sql.applyAll(batch.map((pending) => pending.op));
      batch.forEach((pending, i) => (pending.outcome = { ok: true, value: results[i]! }));
      return true;
    } catch (error) {
      if (isBusy(error)) return false;
    }
    // Something in the batch failed: redo each operation alone so only the faulty one is rejected.
    for (const pending of batch) {
      try {
        pending.outcome = { ok: true, value: this.#sql.applyOne(pending.op) };
      } catch (error) {
        pending.outcome = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
      }
    }
    return true;
  }

  #settle(batch: Pending[]): void {
    this.#inFlight.delete(batch);
    this.#onMain = false;
    for (const pending of batch) {
      const outcome = pending.outcome!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    }
    if (this.#checkpoint === 'pausing') {
      if (this.#inFlight.size === 0) this.#finishCheckpoint();
    }
    else if (this.#checkpoint === 'idle' && (this.#since.commits >= this.#checkpointAfter.commits || this.#since.rows >= this.#checkpointAfter.rows)) {
      this.#startCheckpoint();
    }
    this.#schedule();
    if (this.#idle()) this.#drained?.();
  }

  /**
   * A checkpoint in two passes. The first copies the log while commits go on; the second, with commits
   * held back (requests still queue meanwhile), copies the few pages committed during the first. Only a
   * log copied entirely lets the next commit start it over from the beginning; a checkpoint that always
   * ran beside commits would let the log grow without end.
   */
  #startCheckpoint(): void {
    this.#checkpoint = 'copying';
    this.#since = { commits: 0, rows: 0 };
    this.#worker.checkpoint().then(
      () => {
        this.#checkpoint = 'pausing';
        if (this.#inFlight.size === 0) this.#finishCheckpoint();
      },
      () => this.#checkpointHere(),
    );
  }

  #finishCheckpoint(): void {
    this.#checkpoint = 'finishing';
    this.#worker.checkpoint().then(
      () => this.#resume(),
      () => this.#checkpointHere(),
    );
  }

  /** The Worker failed: checkpoint on this thread (blocking, but the log must not grow without end). */
  #checkpointHere(): void {
    try {
      this.#db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Another connection holds a lock; the next round tries again.
    }
    this.#resume();
  }

  #resume(): void {
    this.#checkpoint = 'idle';
    this.#schedule();
    if (this.#idle()) this.#drained?.();
  }

  #paused(): boolean {
    return this.#checkpoint === 'pausing' || this.#checkpoint === 'finishing';
  }

  #idle(): boolean {
    return this.#inFlight.size === 0 && !this.#timer && this.#queue.length === 0 && this.#checkpoint === 'idle';
  }

  /**
   * A failed flush leaves the log's state on disk unknown (Linux may drop the dirty pages and report the
   * error only once), so nothing after it can be promised durable: every write from now on fails.
   */
  #fail(error: Error): void {
    this.#failure = error;
    for (const pending of [...[...this.#inFlight].flat(), ...this.#queue]) pending.reject(error);
    this.#inFlight.clear();
    this.#queue = [];
    this.#queuedRows = 0;
    this.#cancel();
    this.#drained?.();
  }
}

const outcomeOf = (outcome: CommitOutcome | undefined): NonNullable<Pending['outcome']> =>
  outcome?.ok ? outcome : { ok: false, error: Object.assign(new Error(outcome?.error.message ?? 'write failed'), { code: outcome?.error.code }) };

const isBusy = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
};
