import { ROW_COLUMNS } from './rows.js';

// The writer runs in a worker_threads Worker from this plain-JS source (`eval: true`) rather than a
// worker file: the same code then starts from the TypeScript sources under vitest and from dist/ after
// tsc, with no file to copy or resolve. It receives the driver's resolved path, so `require` needs no
// node_modules lookup from the eval context.
const columns = ROW_COLUMNS.join(', ');
const placeholders = ROW_COLUMNS.map(() => '?').join(', ');

/** The writer Worker's source: owns the write connection and commits each batch of operations in one transaction. */
export const SQLITE_WRITER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = ' + workerData.busyTimeout);
// Indexes of a large table stay in memory instead of being re-read from the OS cache on every insert.
db.pragma('cache_size = -' + workerData.cacheKiB);
const insert = db.prepare('INSERT INTO responses (${columns}) VALUES (${placeholders}) ON CONFLICT (id) DO NOTHING');
const remove = db.prepare('DELETE FROM responses WHERE anonymous_id = ? OR user_id = ?');

function apply(op) {
  if (op.type === 'delete') return remove.run(op.id, op.id).changes;
  let accepted = 0;
  for (const row of op.rows) accepted += insert.run(row).changes;
  return accepted;
}
const applyAll = db.transaction((ops) => ops.map(apply));
const applyOne = db.transaction(apply);

function describe(error) {
  return { message: String(error && error.message || error), code: error && error.code };
}

parentPort.on('message', (message) => {
  if (message.type === 'close') {
    db.close();
    parentPort.postMessage({ type: 'closed' });
    return;
  }
  const ops = message.ops;
  let results;
  try {
    // One transaction, one fsync of the WAL (synchronous = FULL), however many requests queued meanwhile.
    results = applyAll.immediate(ops).map((value) => ({ ok: true, value }));
  } catch {
    // Something in the batch failed: redo each operation alone so only the faulty one is rejected.
    results = ops.map((op) => {
      try {
        return { ok: true, value: applyOne.immediate(op) };
      } catch (error) {
        return { ok: false, error: describe(error) };
      }
    });
  }
  parentPort.postMessage({ type: 'done', seq: message.seq, results });
});
`;
