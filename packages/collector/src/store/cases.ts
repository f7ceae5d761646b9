import type { CaseNotification, CaseStatus, CaseUpdate, FollowUpCase } from '@koe/core';
import { fromRow, type ReadRow } from './rows.js';

/** Which follow-up cases to list: one site, optionally one survey and one status; newest first, a page at a time. */
export interface CaseFilter {
  site: string;
  survey?: string;
  status?: CaseStatus;
  /** At most this many (1–500). */
  limit: number;
  /** Only cases opened before this one (the `next` of the previous page). */
  before?: CaseCursor;
}

/** Where a page of cases ends: the last case's opening time and id. */
export interface CaseCursor {
  openedAt: number;
  id: string;
}

/** A page of cases, and the cursor of the next one (null: no more). */
export interface CasePage {
  cases: FollowUpCase[];
  next: string | null;
}

/** A webhook attempt's outcome: delivered, or failed with the time of the next attempt (null: give up). */
export type NotificationOutcome = { delivered: Date } | { error: string; retryAt: Date | null };

/** A case whose webhook is due, held for this process, and which attempt this is (1 for the first). */
export interface DueCase {
  case: FollowUpCase;
  attempt: number;
}

/** The `next` text of a page ending at `c`. */
export const encodeCursor = (c: CaseCursor): string => `${c.openedAt}.${c.id}`;

/** The cursor a `next` text names, or null when it is not one. */
export function decodeCursor(text: string): CaseCursor | null {
  const match = /^(\d{1,16})\.(.{1,200})$/s.exec(text);
  return match ? { openedAt: Number(match[1]), id: match[2]! } : null;
}

/** The columns a case row is read with: the case's own, then its answer's (`r.`). */
export const CASE_COLUMNS = `c.status, c.assignee, c.note, c.opened_at, c.updated_at, c.notify_at, c.notified_at, c.notify_error, c.attempts,
  r.id, r.site, r.survey, r.kind, r.score, r.category, r.comment, r.locale, r.channel, r.touchpoint, r.context, r.respondent,
  r.answered_at_text, r.received_at`;

/** A case row as read (drivers may return integers as strings). */
export interface CaseRow extends ReadRow {
  status: string;
  assignee: string | null;
  note: string | null;
  opened_at: number | string;
  updated_at: number | string;
  notify_at: number | string | null;
  notified_at: number | string | null;
  notify_error: string | null;
  attempts: number | string;
}

/** The conditions of `filter` (and of its cursor, when `withCursor`), with `param` making placeholders. */
function caseWhere(filter: CaseFilter, param: (n: number) => string, withCursor: boolean): { where: string; params: (string | number)[] } {
  const params: (string | number)[] = [filter.site];
  let where = `c.site = ${param(1)}`;
  const add = (sql: (p: string) => string, value: string | number) => {
    params.push(value);
    where += ` AND ${sql(param(params.length))}`;
  };
  if (filter.survey !== undefined) add((p) => `c.survey = ${p}`, filter.survey);
  if (filter.status !== undefined) add((p) => `c.status = ${p}`, filter.status);
  if (withCursor && filter.before) {
    params.push(filter.before.openedAt, filter.before.id);
    where += ` AND (c.opened_at, c.id) < (${param(params.length - 1)}, ${param(params.length)})`;
  }
  return { where, params };
}

/**
 * The list query of `filter`, newest first, with `$n`-style placeholders made by `param` (SQLite takes
 * `?`, PostgreSQL `$1`…), and its parameters. It asks for one case more than the page holds, to know
 * whether another page follows.
 */
export function caseListQuery(filter: CaseFilter, param: (n: number) => string, columns = CASE_COLUMNS): { sql: string; params: (string | number)[] } {
  const { where, params } = caseWhere(filter, param, true);
  params.push(filter.limit + 1);
  return {
    sql: `SELECT ${columns} FROM cases c JOIN responses r ON r.id = c.id WHERE ${where}
      ORDER BY c.opened_at DESC, c.id DESC LIMIT ${param(params.length)}`,
    params,
  };
}

/** How many cases `filter` covers in all pages (its cursor and limit ignored), as one `n` column. */
export function caseCountQuery(filter: CaseFilter, param: (n: number) => string): { sql: string; params: (string | number)[] } {
  const { where, params } = caseWhere(filter, param, false);
  return { sql: `SELECT count(*) AS n FROM cases c WHERE ${where}`, params };
}

/** The page of `rows` read by caseListQuery with `limit`. */
export function casePage(rows: readonly CaseRow[], limit: number): CasePage {
  const cases = rows.slice(0, limit).map(fromCaseRow);
  const last = rows.length > limit ? rows[limit - 1]! : undefined;
  return { cases, next: last ? encodeCursor({ openedAt: Number(last.opened_at), id: last.id }) : null };
}

/** The API's case from its row. */
export function fromCaseRow(row: CaseRow): FollowUpCase {
  const { category, receivedAt: _, ...answer } = fromRow(row);
  const notification: CaseNotification =
    row.notify_at !== null ? 'pending' : row.notified_at !== null ? 'delivered' : row.notify_error !== null ? 'failed' : 'none';
  return {
    ...answer,
    category,
    status: row.status as CaseStatus,
    assignee: row.assignee,
    note: row.note,
    openedAt: new Date(Number(row.opened_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
    notification,
    notificationError: row.notify_error,
  };
}

/** An outcome's three columns as the stores write them: delivered at, the error, the next attempt (null: none). */
export const outcomeFields = (outcome: NotificationOutcome): [deliveredAt: number | null, error: string | null, retryAt: number | null] =>
  'delivered' in outcome ? [outcome.delivered.getTime(), null, null] : [null, outcome.error, outcome.retryAt?.getTime() ?? null];

/** An update's three fields as the stores write them: a field left out is `undefined` (kept as it is). */
export const updateFields = (update: CaseUpdate): [status: string | null, assignee: string | null | undefined, note: string | null | undefined] => [
  update.status ?? null,
  update.assignee,
  update.note,
];
