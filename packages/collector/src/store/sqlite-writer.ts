import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { ResponseRow } from './rows.js';
import { SQLITE_WRITER_SOURCE } from './sqlite-writer-source.js';

/** Stores rows; resolves to how many were new. */
export type InsertOp = { type: 'insert'; rows: ResponseRow[] };
/** Deletes a respondent's rows among the next chunk of rowids after `after`; resolves to [deleted, next `after` or null when done]. */
export type DeleteOp = { type: 'delete'; id: string; after: number };
/** A write for the writer. */
export type WriteOp = InsertOp | DeleteOp;
type WriteResult = number | [deleted: number, next: number | null];

interface Pending {
  /** Dropped once posted: the Worker has its copy, and rows kept alive until the commit only burden the GC. */
  op: WriteOp | null;
  resolve: (value: WriteResult) => void;
  reject: (error: Error) => void;
}

type Result = { ok: true; value: WriteResult } | { ok: false; error: { message: string; code?: string } };

/** Options of the group-commit writer. */
export interface SqliteWriterOptions {
  /** How long a write waits for another process's lock before failing, in ms (default 5000). */
  busyTimeout?: number;
  /** The write connection's page cache, in KiB (default 65536: 64 MiB). */
  cacheKiB?: number;
  /**
   * Under load, the least time between the starts of two commits, in ms. Default 0: commit as soon as
   * the Worker is free (lowest latency; what a closed-loop benchmark rewards). A few ms make commits
   * larger and cheaper per answer when the CPU, not the disk, is the limit.
   */
  commitIntervalMs?: number;
  /** Rows a respondent's deletion scans per transaction, so ingest never waits long behind it (default 50,000). */
  deleteChunkRows?: number;
}

// Enough queued writes to fill a commit well: no reason to wait out the interval.
const EARLY_FLUSH = 256;

/**
 * Group commit. Writes queue here while the Worker commits the previous batch; when it reports back,
 * everything queued meanwhile goes out as the next batch, one transaction and one fsync for all of it.
 * The main thread never blocks on disk, so it keeps parsing requests while a commit is under way.
 */
export class SqliteWriter {
  readonly #worker: Worker;
  #queue: Pending[] = [];
  #inFlight: Pending[] | null = null;
  #seq = 0;
  #failure: Error | null = null;
  #closing: Promise<void> | null = null;
  #drained: (() => void) | null = null;
  #timer: NodeJS.Immediate | NodeJS.Timeout | null = null;
  #lastFlush = -Infinity;
  #lastBatch = 0;
  #commits = 0;
  #writes = 0;
  readonly #interval: number;

  constructor(file: string, options: SqliteWriterOptions = {}) {
    this.#interval = options.commitIntervalMs ?? 0;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(SQLITE_WRITER_SOURCE, {
      eval: true,
      workerData: { driver, file, busyTimeout: options.busyTimeout ?? 5000, cacheKiB: options.cacheKiB ?? 65_536, deleteChunk: options.deleteChunkRows ?? 50_000 },
    });
    this.#worker.unref();
    this.#worker.on('message', (message: { type: string; seq?: number; results?: Result[] }) => {
      if (message.type === 'done' && message.results) this.#settle(message.results);
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`koe's SQLite writer stopped (exit code ${code})`)));
  }

  /** How many commits the Worker was sent, and how many writes they carried (group commit at work). */
  get stats(): { commits: number; writes: number } {
    return { commits: this.#commits, writes: this.#writes };
  }

  /** Queues a write; resolves once its transaction is committed durably. */
  write(op: InsertOp): Promise<number>;
  write(op: DeleteOp): Promise<[deleted: number, next: number | null]>;
  write(op: WriteOp): Promise<WriteResult> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closing) return Promise.reject(new Error('the store is closed'));
    return new Promise<WriteResult>((resolve, reject) => {
      this.#queue.push({ op, resolve, reject });
      this.#schedule();
    });
  }

  /** Commits what is queued, then stops the Worker and closes its connection. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      if (this.#inFlight || this.#queue.length > 0) {
        await new Promise<void>((resolve) => (this.#drained = resolve));
      }
      if (this.#failure) return;
      this.#worker.ref();
      await new Promise<void>((resolve) => {
        this.#worker.once('exit', () => resolve());
        this.#worker.once('message', (message: { type: string }) => {
          if (message.type === 'closed') void this.#worker.terminate();
        });
        this.#worker.postMessage({ type: 'close' });
      });
    })();
    return this.#closing;
  }

  /**
   * Starts the next commit when the Worker is free and this turn of the event loop has ended, so every
   * request parsed in the meantime shares it (one fsync, about 0.2–0.3 ms of CPU here, whatever the
   * number of rows). Under load (several writes per commit) it also waits until `commitIntervalMs`
   * after the previous commit began; a quiet server never waits.
   */
  #schedule(): void {
    if (this.#inFlight || this.#queue.length === 0) return;
    // A quiet server (the last commit carried one write) commits at once; a busy one lingers.
    const linger = this.#lastBatch > 1 || this.#queue.length > 1 ? this.#interval : 0;
    const wait = this.#lastFlush + linger - performance.now();
    if (this.#timer && (wait > 0 || this.#queue.length < EARLY_FLUSH)) return;
    if (this.#timer) this.#cancel();
    const run = () => {
      this.#timer = null;
      this.#flush();
    };
    this.#timer = wait > 0 && this.#queue.length < EARLY_FLUSH ? setTimeout(run, wait) : setImmediate(run);
  }

  #cancel(): void {
    if (!this.#timer) return;
    if ('refresh' in this.#timer) clearTimeout(this.#timer);
    else clearImmediate(this.#timer as NodeJS.Immediate);
    this.#timer = null;
  }

  #flush(): void {
    if (this.#inFlight || this.#queue.length === 0) return;
    this.#lastFlush = performance.now();
    this.#lastBatch = this.#queue.length;
    this.#commits += 1;
    this.#writes += this.#queue.length;
    const batch = this.#queue;
    this.#queue = [];
    this.#inFlight = batch;
    // Keep the process alive while a commit is outstanding, and only then.
    this.#worker.ref();
    this.#worker.postMessage({ type: 'batch', seq: ++this.#seq, ops: batch.map((p) => p.op) });
    for (const pending of batch) pending.op = null;
  }

  #settle(results: Result[]): void {
    const batch = this.#inFlight ?? [];
    this.#inFlight = null;
    this.#worker.unref();
    // Hand the Worker what queued during this commit before answering anyone: writing the responses
    // takes the main thread a while, and the disk should not sit idle meanwhile.
    if (this.#queue.length > 0 && this.#lastFlush + this.#interval <= performance.now()) {
      this.#cancel();
      this.#flush();
    }
    batch.forEach((pending, i) => {
      const result = results[i];
      if (result?.ok) pending.resolve(result.value);
      else pending.reject(Object.assign(new Error(result?.error.message ?? 'write failed'), { code: result?.error.code }));
    });
    this.#schedule();
    if (!this.#inFlight && this.#queue.length === 0) this.#drained?.();
  }

  #fail(error: Error): void {
    if (this.#failure || (this.#closing && !this.#inFlight && this.#queue.length === 0)) return;
    this.#failure = error;
    for (const pending of [...(this.#inFlight ?? []), ...this.#queue]) pending.reject(error);
    this.#inFlight = null;
    this.#queue = [];
    this.#drained?.();
  }
}
