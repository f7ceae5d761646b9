import { ROW_COLUMNS } from './rows.js';
import { ALL_CHANNELS, COUNT_WIDTHS } from './sqlite-migrations.js';

// The writer runs in a worker_threads Worker from this plain-JS source (`eval: true`) rather than a
// worker file: the same code then starts from the TypeScript sources under vitest and from dist/ after
// tsc, with no file to copy or resolve. It receives the driver's resolved path, so `require` needs no
// node_modules lookup from the eval context.
const columns = ROW_COLUMNS.join(', ');
const placeholders = ROW_COLUMNS.map(() => '?').join(', ');
const at = (column: (typeof ROW_COLUMNS)[number]) => ROW_COLUMNS.indexOf(column);

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
const count = db.prepare('INSERT INTO response_counts (site, survey, width, start, channel, score, n) VALUES (?, ?, ?, ?, ?, ?, ?) ' +
  'ON CONFLICT DO UPDATE SET n = n + excluded.n');
const prune = db.prepare('DELETE FROM response_counts WHERE site = ? AND survey = ? AND width = ? AND start = ? AND channel = ? AND score = ? AND n <= 0');
const remove = db.prepare('DELETE FROM responses WHERE rowid > ? AND rowid <= ? AND (anonymous_id = ? OR user_id = ?) ' +
  'RETURNING site, survey, answered_at AS at, channel, score');
const lastRow = db.prepare('SELECT max(rowid) FROM responses').pluck();
const WIDTHS = ${JSON.stringify(COUNT_WIDTHS)};

// The hourly and daily counts reports read, kept in the same transaction as the rows: added up per commit
// by hour (the daily counts are sums of hours), so a commit of many answers to the same hour writes each
// count once.
const HOUR = WIDTHS[0];
const DAY = WIDTHS[1];
// Each answer counts twice per width: under its channel, and under every channel (${JSON.stringify(ALL_CHANNELS)}).
function tally(counts, site, survey, at, channel, score, delta) {
  const hour = at - (((at % HOUR) + HOUR) % HOUR);
  add(counts, site, survey, hour, channel, score, delta);
  add(counts, site, survey, hour, ${JSON.stringify(ALL_CHANNELS)}, score, delta);
}
function add(counts, site, survey, hour, channel, score, delta) {
  const key = hour + '\u0000' + score + '\u0000' + channel + '\u0000' + survey + '\u0000' + site;
  const entry = counts.get(key);
  if (entry) entry[6] += delta;
  else counts.set(key, [site, survey, HOUR, hour, channel, score, delta]);
}
function applyCounts(counts) {
  const days = new Map();
  for (const entry of counts.values()) {
    if (entry[6] === 0) continue;
    write(entry);
    const day = entry[3] - (((entry[3] % DAY) + DAY) % DAY);
    const key = day + '\u0000' + entry[5] + '\u0000' + entry[4] + '\u0000' + entry[1] + '\u0000' + entry[0];
    const sum = days.get(key);
    if (sum) sum[6] += entry[6];
    else days.set(key, [entry[0], entry[1], DAY, day, entry[4], entry[5], entry[6]]);
  }
  for (const entry of days.values()) if (entry[6] !== 0) write(entry);
}
function write(entry) {
  count.run(entry);
  if (entry[6] < 0) prune.run(entry.slice(0, 6));
}

function apply(op, counts) {
  if (op.type === 'delete') {
    // One chunk of rowids: a deletion scans (there is no respondent index, see migration 2).
    const last = lastRow.get() ?? 0;
    const end = Math.min(op.after + workerData.deleteChunk, last);
    const gone = remove.all(op.after, end, op.id, op.id);
    for (const row of gone) tally(counts, row.site, row.survey, row.at, row.channel, row.score, -1);
    return [gone.length, end >= last ? null : end];
  }
  let accepted = 0;
  for (const row of op.rows) {
    if (insert.run(row).changes === 0) continue;
    accepted += 1;
    tally(counts, row[${at('site')}], row[${at('survey')}], row[${at('answered_at')}], row[${at('channel')}], row[${at('score')}], 1);
  }
  return accepted;
}
const applyAll = db.transaction((ops) => {
  const counts = new Map();
  const results = ops.map((op) => apply(op, counts));
  applyCounts(counts);
  return results;
});
const applyOne = db.transaction((op) => {
  const counts = new Map();
  const result = apply(op, counts);
  applyCounts(counts);
  return result;
});

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
