import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { WRITE_SQL_SOURCE, type WriteOp, type WriteResult } from './sqlite-write-sql.js';

/** What one checkpoint pass reported: frames in the log, and how many of them are now in the database file. */
export interface CheckpointResult {
  log: number;
  checkpointed: number;
}

/** Each write's outcome, in the order of the batch. */
export type CommitOutcome = { ok: true; value: WriteResult } | { ok: false; error: { message: string; code?: string } };

// Plain JS run with `eval: true` (see WRITE_SQL_SOURCE). It gets the driver's resolved path, so `require`
// needs no node_modules lookup from the eval context.
const SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
${WRITE_SQL_SOURCE}
const db = new Database(workerData.file);
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = ' + workerData.busyTimeout);
db.pragma('cache_size = -' + workerData.cacheKiB);
db.pragma('wal_autocheckpoint = 0');
const sql = prepareWriteSql(db, workerData.deleteChunkRows);
const describe = (error) => ({ message: String((error && error.message) || error), code: error && error.code });
function commit(ops) {
  try {
    return sql.applyAll(ops).map((value) => ({ ok: true, value }));
  } catch {
    // Something in the batch failed: redo each operation alone so only the faulty one is rejected.
    return ops.map((op) => {
      try {
        return { ok: true, value: sql.applyOne(op) };
      } catch (error) {
        return { ok: false, error: describe(error) };
      }
    });
  }
}
parentPort.on('message', ({ id, type, ops }) => {
  if (type === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    if (type === 'commit') parentPort.postMessage({ id, ok: true, value: commit(ops) });
    else parentPort.postMessage({ id, ok: true, value: db.pragma('wal_checkpoint(PASSIVE)')[0] });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: describe(error).message });
  }
});
`;

/** Options of the SQLite Worker. */
export interface SqliteWorkerOptions {
  busyTimeout: number;
  cacheKiB: number;
  deleteChunkRows: number;
}

type Waiter = (result: { ok: true; value: unknown } | { ok: false; message: string }) => void;

/**
 * A Worker thread with its own connection, for the writes that would hold the event loop too long:
 * checkpoints (copying the log into the database file, then two fsyncs), large commits (batches of
 * thousands of answers, which it writes on a second core while this thread parses the next requests),
 * and respondent deletions (scans). Its commits are durable by themselves (`synchronous = FULL`).
 */
export class SqliteWorker {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, Waiter>();
  #next = 0;
  #failure: Error | null = null;

  constructor(file: string, options: SqliteWorkerOptions) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(SOURCE, { eval: true, workerData: { driver, file, ...options } });
    this.#worker.unref();
    this.#worker.on('message', ({ id, ...result }: { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string }) => {
      const waiter = this.#waiting.get(id);
      this.#waiting.delete(id);
      if (this.#waiting.size === 0) this.#worker.unref();
      waiter?.(result);
    });
    this.#worker.on('error', (error) => this.#stop(error));
    this.#worker.on('exit', (code) => this.#stop(new Error(`koe's SQLite worker stopped (exit code ${code})`)));
  }

  /** Runs one PASSIVE checkpoint (never takes the write lock: commits elsewhere carry on). */
  checkpoint(): Promise<CheckpointResult> {
    return this.#call({ type: 'checkpoint' }) as Promise<CheckpointResult>;
  }

  /** Commits the operations in one durable transaction (or each alone when one fails). */
  commit(ops: readonly WriteOp[]): Promise<CommitOutcome[]> {
    return this.#call({ type: 'commit', ops }) as Promise<CommitOutcome[]>;
  }

  /** Closes the Worker's connection and ends the Worker. */
  async close(): Promise<void> {
    if (this.#failure) return;
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    // Referenced until it exits: otherwise a process with nothing else to do would end mid-close.
    this.#worker.ref();
    this.#worker.postMessage({ type: 'close' });
    await exited;
  }

  #call(message: { type: string; ops?: readonly WriteOp[] }): Promise<unknown> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = ++this.#next;
    this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, (result) => (result.ok ? resolve(result.value) : reject(new Error(result.message))));
      this.#worker.postMessage({ id, ...message });
    });
  }

  #stop(error: Error): void {
    this.#failure ??= error;
    for (const waiter of this.#waiting.values()) waiter({ ok: false, message: error.message });
    this.#waiting.clear();
  }
}
