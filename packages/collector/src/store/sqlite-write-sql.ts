import type Database from 'better-sqlite3';
import { ROW_COLUMNS, type ResponseRow } from './rows.js';
import { ALL_CHANNELS, CHANNEL_TOUCHPOINT_SLICE, COUNT_WIDTHS, LOCALE_SLICE, SCORE_COLUMNS, TOUCHPOINT_SLICE } from './sqlite-migrations.js';

/**
 * Stores rows; resolves to how many were new. `cases[i]` opens a follow-up case for the i-th row when it is
 * new: `true` with a webhook to announce it, `false` without; null or absent, none.
 */
export type InsertOp = { type: 'insert'; rows: ResponseRow[]; cases?: (boolean | null)[] };
/** Deletes a respondent's rows among the next chunk of rowids after `after`; resolves to [deleted, next `after` or null when done]. */
export type DeleteOp = { type: 'delete'; id: string; after: number };
/**
 * A write to follow-up cases, resolving to the ids it changed: `update` sets the given fields (`set`: which
 * of status, assignee, note), `claim` takes up to `limit` cases whose webhook is due at `at` and holds them
 * until `until` (their attempt counted), `notified` records an attempt (`retryAt` null: done or given up).
 */
export type CaseOp =
  | { type: 'case'; action: 'update'; id: string; at: number; set: [status: string | null, assignee: string | null | undefined, note: string | null | undefined] }
  | { type: 'case'; action: 'claim'; at: number; until: number; limit: number }
  | { type: 'case'; action: 'notified'; id: string; attempt: number; deliveredAt: number | null; error: string | null; retryAt: number | null };
/** A write for the writer. */
export type WriteOp = InsertOp | DeleteOp | CaseOp;
/** What a write resolves to: rows accepted (insert), [deleted, next chunk] (delete), or the cases changed. */
export type WriteResult = number | [deleted: number, next: number | null] | string[];

/** How many rows a write weighs when the writer decides where to commit it: a deletion scans like a large batch. */
export const weightOf = (op: WriteOp, deletion: number): number => (op.type === 'insert' ? op.rows.length : op.type === 'delete' ? deletion : 1);

/** Applies write operations on one connection: all of a batch in one transaction, or one alone. */
export interface WriteSql {
  /** Applies every operation in one IMMEDIATE transaction; throws (and rolls back) if any fails. */
  applyAll(ops: readonly WriteOp[]): WriteResult[];
  /** Applies one operation in its own IMMEDIATE transaction. */
  applyOne(op: WriteOp): WriteResult;
}

const at = (column: (typeof ROW_COLUMNS)[number]) => ROW_COLUMNS.indexOf(column);

/**
 * The write statements, as plain JS source defining `prepareWriteSql(db, deleteChunkRows)`: the same code
 * runs on the event loop (small commits) and in a Worker (`eval: true`: large ones), from the TypeScript
 * sources under vitest as from dist/ after tsc, with no worker file to build or resolve.
 *
 * The hourly and daily counts reports read are kept in the same transaction as the rows, added up per
 * transaction by hour (the daily counts are sums of hours), so a commit of many answers to the same hour
 * writes each row of counts once. Each answer counts five times per width: under its channel, under every
 * channel, under its touchpoint (TOUCHPOINT_SLICE), its locale (LOCALE_SLICE), and its channel and
 * touchpoint together (CHANNEL_TOUCHPOINT_SLICE). A row of counts is [site, survey, width, start, channel,
 * n0 … n10], as `score_counts` keeps it.
 */
export const WRITE_SQL_SOURCE = `
function prepareWriteSql(db, deleteChunkRows) {
  const HOUR = ${COUNT_WIDTHS[0]};
  const DAY = ${COUNT_WIDTHS[1]};
  const ALL = ${JSON.stringify(ALL_CHANNELS)};
  const TOUCHPOINT = ${JSON.stringify(TOUCHPOINT_SLICE)};
  const LOCALE = ${JSON.stringify(LOCALE_SLICE)};
  const PAIR = ${JSON.stringify(CHANNEL_TOUCHPOINT_SLICE)};
  const floorTo = (value, width) => value - (((value % width) + width) % width);
  const insert = db.prepare('INSERT INTO responses (${ROW_COLUMNS.join(', ')}) VALUES (${ROW_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (id) DO NOTHING');
  const count = db.prepare('INSERT INTO score_counts (site, survey, width, start, channel, ${SCORE_COLUMNS.join(', ')}) ' +
    'VALUES (?, ?, ?, ?, ?, ${SCORE_COLUMNS.map(() => '?').join(', ')}) ' +
    'ON CONFLICT DO UPDATE SET ${SCORE_COLUMNS.map((n) => `${n} = ${n} + excluded.${n}`).join(', ')}');
  const prune = db.prepare('DELETE FROM score_counts WHERE site = ? AND survey = ? AND width = ? AND start = ? AND channel = ? ' +
    'AND max(${SCORE_COLUMNS.join(', ')}) <= 0');
  const remove = db.prepare('DELETE FROM responses WHERE rowid > ? AND rowid <= ? AND (anonymous_id = ? OR user_id = ?) ' +
    'RETURNING site, survey, answered_at AS at, channel, touchpoint, locale, score');
  const lastRow = db.prepare('SELECT max(rowid) FROM responses').pluck();
  // A respondent's erasure takes their cases with it (ON DELETE CASCADE). SQLite checks foreign keys only on
  // connections that ask; better-sqlite3 builds it asking by default, and this keeps it so whatever the build.
  db.pragma('foreign_keys = ON');
  const openCase = db.prepare('INSERT INTO cases (id, site, survey, opened_at, updated_at, notify_at) VALUES (?, ?, ?, ?, ?, ?)');
  const updateCase = db.prepare('UPDATE cases SET status = coalesce(?, status), assignee = CASE WHEN ? THEN ? ELSE assignee END, ' +
    'note = CASE WHEN ? THEN ? ELSE note END, updated_at = ? WHERE id = ? RETURNING id').pluck();
  const claimCases = db.prepare('UPDATE cases SET notify_at = ?, attempts = attempts + 1 WHERE id IN ' +
    '(SELECT id FROM cases WHERE notify_at <= ? ORDER BY notify_at LIMIT ?) RETURNING id').pluck();
  // The attempt number fences a late report: once the case was claimed again, an older claim's outcome is stale.
  const notified = db.prepare('UPDATE cases SET notify_at = ?, notified_at = coalesce(?, notified_at), notify_error = ? ' +
    'WHERE id = ? AND attempts = ? RETURNING id').pluck();
  function applyCase(op) {
    if (op.action === 'update') {
      const [status, assignee, note] = op.set;
      return updateCase.all(status, assignee === undefined ? 0 : 1, assignee ?? null, note === undefined ? 0 : 1, note ?? null, op.at, op.id);
    }
    if (op.action === 'claim') return claimCases.all(op.until, op.at, op.limit);
    return notified.all(op.retryAt, op.deliveredAt, op.error, op.id, op.attempt);
  }
  const SCORES = ${SCORE_COLUMNS.length};
  const vector = (site, survey, width, start, channel) => {
    const entry = [site, survey, width, start, channel];
    for (let i = 0; i < SCORES; i++) entry.push(0);
    return entry;
  };

  // Answers are first tallied per (hour, site, survey, channel, touchpoint, locale): one key per answer,
  // where a key per row of counts cost five (0.7 to 0.9 µs more per answer in commits of 1,000). Each group
  // then adds to its five rows of counts.
  function tally(groups, site, survey, answeredAt, channel, touchpoint, locale, score, delta) {
    const hour = floorTo(answeredAt, HOUR);
    const slice = touchpoint === null ? TOUCHPOINT : TOUCHPOINT + touchpoint;
    const key = hour + '\\u0000' + channel + slice + '\\u0000' + locale + '\\u0000' + survey + '\\u0000' + site;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { site, survey, hour, keys: [channel, ALL, slice, LOCALE + locale, PAIR + channel + slice], n: vector(site, survey, HOUR, hour, '') }));
    group.n[5 + score] += delta;
  }
  function hourly(groups) {
    const counts = new Map();
    for (const { site, survey, hour, keys, n } of groups.values()) {
      for (const channel of keys) {
        const key = hour + '\\u0000' + channel + '\\u0000' + survey + '\\u0000' + site;
        let entry = counts.get(key);
        if (!entry) counts.set(key, (entry = vector(site, survey, HOUR, hour, channel)));
        for (let i = 5; i < entry.length; i++) entry[i] += n[i];
      }
    }
    return counts;
  }
  function write(entry) {
    let changed = false;
    let negative = false;
    for (let i = 5; i < entry.length; i++) {
      if (entry[i] !== 0) changed = true;
      if (entry[i] < 0) negative = true;
    }
    if (!changed) return;
    count.run(entry);
    if (negative) prune.run(entry.slice(0, 5));
  }
  function applyCounts(groups) {
    const days = new Map();
    for (const entry of hourly(groups).values()) {
      write(entry);
      const day = floorTo(entry[3], DAY);
      const key = day + '\\u0000' + entry[4] + '\\u0000' + entry[1] + '\\u0000' + entry[0];
      let sum = days.get(key);
      if (!sum) days.set(key, (sum = vector(entry[0], entry[1], DAY, day, entry[4])));
      for (let i = 5; i < entry.length; i++) sum[i] += entry[i];
    }
    for (const entry of days.values()) write(entry);
  }
  function apply(op, groups) {
    if (op.type === 'delete') {
      // One chunk of rowids: a deletion scans (there is no respondent index, see migration 2).
      const last = lastRow.get() ?? 0;
      const end = Math.min(op.after + deleteChunkRows, last);
      const gone = remove.all(op.after, end, op.id, op.id);
      for (const row of gone) tally(groups, row.site, row.survey, row.at, row.channel, row.touchpoint, row.locale, row.score, -1);
      return [gone.length, end >= last ? null : end];
    }
    if (op.type === 'case') return applyCase(op);
    let accepted = 0;
    for (let i = 0; i < op.rows.length; i++) {
      const row = op.rows[i];
      if (insert.run(row).changes === 0) continue;
      accepted += 1;
      const opens = op.cases && op.cases[i];
      if (opens != null) {
        const at = row[${at('received_at')}];
        openCase.run(row[${at('id')}], row[${at('site')}], row[${at('survey')}], at, at, opens ? at : null);
      }
      tally(groups, row[${at('site')}], row[${at('survey')}], row[${at('answered_at')}], row[${at('channel')}], row[${at('touchpoint')}], row[${at('locale')}], row[${at('score')}], 1);
    }
    return accepted;
  }
  const all = db.transaction((ops) => {
    const groups = new Map();
    const results = ops.map((op) => apply(op, groups));
    applyCounts(groups);
    return results;
  });
  const one = db.transaction((op) => {
    const groups = new Map();
    const result = apply(op, groups);
    applyCounts(groups);
    return result;
  });
  return { applyAll: (ops) => all.immediate(ops), applyOne: (op) => one.immediate(op) };
}
`;

/** Prepares the write statements on `db` (a connection of this thread). */
export function prepareWriteSql(db: Database.Database, deleteChunkRows: number): WriteSql {
  const prepare = new Function('db', 'deleteChunkRows', `${WRITE_SQL_SOURCE}\nreturn prepareWriteSql(db, deleteChunkRows);`) as (
    db: Database.Database,
    deleteChunkRows: number,
  ) => WriteSql;
  return prepare(db, deleteChunkRows);
}
