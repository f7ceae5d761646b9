import type { Category } from '@koe/core';
import { contextConditions, type Dialect } from './context-sql.js';
import { fromRow, READ_COLUMNS, type ReadRow } from './rows.js';
import type { ResponseFilter, StoredResponse } from './store.js';

/** Which answers with a comment (not blank) to list: one survey, a time range and slice, some categories; newest first. */
export interface CommentFilter extends ResponseFilter {
  /** Only answers in these categories (all when absent). */
  categories?: readonly Category[];
  /** At most this many (1–500). */
  limit: number;
  /** Only answers given before this one (the `next` of the previous page). */
  before?: CommentCursor;
}

/** Where a page of comments ends: the last answer's `answeredAt` (epoch ms) and id. */
export interface CommentCursor {
  answeredAt: number;
  id: string;
}

/** A page of answers with comments, and the cursor of the next page (null: no more). */
export interface CommentPage {
  comments: StoredResponse[];
  next: string | null;
}

/** The `next` text of a page ending at `c`. */
export const encodeCommentCursor = (c: CommentCursor): string => `${c.answeredAt}.${c.id}`;

/** The cursor a `next` text names, or null when it is not one. */
export function decodeCommentCursor(text: string): CommentCursor | null {
  // Answers may be dated before 1970 in theory, never in practice: the widget and core refuse such dates.
  const match = /^(\d{1,16})\.(.{1,200})$/s.exec(text);
  return match ? { answeredAt: Number(match[1]), id: match[2]! } : null;
}

/**
 * The list query of `filter`, newest first, with placeholders made by `param` (SQLite `?`, PostgreSQL
 * `$1`…) in `dialect`, over `columns` (PostgreSQL reads its JSON columns as text). It walks the survey's time index
 * backwards and asks for one answer more than the page holds, to know whether another page follows.
 */
export function commentListQuery(
  filter: CommentFilter,
  range: { from: number; to: number },
  param: (n: number) => string,
  dialect: Dialect,
  columns = READ_COLUMNS,
): { sql: string; params: (string | number)[] } {
  const params: (string | number)[] = [];
  const p = (value: string | number) => (params.push(value), param(params.length));
  // The cursor narrows the one upper bound, so the index seeks to it: SQLite uses only one of two upper bounds
  // on a column as the end of its range and would otherwise step down from the newest answer to the cursor.
  const to = filter.before ? Math.min(range.to, filter.before.answeredAt + 1) : range.to;
  let where = `site = ${p(filter.site)} AND survey = ${p(filter.survey)} AND answered_at >= ${p(range.from)} AND answered_at < ${p(to)} AND comment IS NOT NULL AND trim(comment) <> ''`;
  if (filter.channel !== undefined) where += ` AND channel = ${p(filter.channel)}`;
  if (filter.touchpoint !== undefined) where += ` AND touchpoint = ${p(filter.touchpoint)}`;
  where += contextConditions(filter, '', p, dialect);
  if (filter.categories && filter.categories.length > 0) where += ` AND category IN (${filter.categories.map((c) => p(c)).join(', ')})`;
  // The row comparison splits ties in time by id.
  if (filter.before) where += ` AND (answered_at, id) < (${p(filter.before.answeredAt)}, ${p(filter.before.id)})`;
  return { sql: `SELECT ${columns}, answered_at FROM responses WHERE ${where} ORDER BY answered_at DESC, id DESC LIMIT ${p(filter.limit + 1)}`, params };
}

/** The page of `rows` read by commentListQuery with `limit`. */
export function commentPage(rows: readonly (ReadRow & { answered_at: number | string })[], limit: number): CommentPage {
  const comments = rows.slice(0, limit).map(fromRow);
  const last = rows.length > limit ? rows[limit - 1]! : undefined;
  return { comments, next: last ? encodeCommentCursor({ answeredAt: Number(last.answered_at), id: last.id }) : null };
}
