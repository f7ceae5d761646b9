import { categorize, type SurveyResponse } from '@koe/core';
import type { StoredResponse } from './store.js';

/** The column values of one answer, in `ROW_COLUMNS` order: plain values both drivers and a Worker can carry. */
export type ResponseRow = [
  id: string,
  site: string,
  survey: string,
  kind: string,
  score: number,
  category: string,
  comment: string | null,
  locale: string,
  channel: string,
  touchpoint: string | null,
  context: string | null,
  respondent: string | null,
  anonymousId: string | null,
  userId: string | null,
  answeredAt: number,
  answeredAtText: string,
  receivedAt: number,
];

/** The `responses` columns a `ResponseRow` fills, in order. */
export const ROW_COLUMNS = [
  'id',
  'site',
  'survey',
  'kind',
  'score',
  'category',
  'comment',
  'locale',
  'channel',
  'touchpoint',
  'context',
  'respondent',
  'anonymous_id',
  'user_id',
  'answered_at',
  'answered_at_text',
  'received_at',
] as const;

/** The columns `fromRow` reads. */
export const READ_COLUMNS =
  'id, site, survey, kind, score, category, comment, locale, channel, touchpoint, context, respondent, answered_at_text, received_at';

/** A row as read back (drivers may return bigint-free numbers or strings for integers). */
export interface ReadRow {
  id: string;
  site: string;
  survey: string;
  kind: string;
  score: number;
  category: string;
  comment: string | null;
  locale: string;
  channel: string;
  touchpoint: string | null;
  context: string | null;
  respondent: string | null;
  answered_at_text: string;
  received_at: number | string;
}

/** Parses an ISO date-time into epoch milliseconds; throws a RangeError naming the value when it is not one. */
export function epochMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`answeredAt ${JSON.stringify(iso)} is not an ISO 8601 date-time`);
  return ms;
}

// Text no store keeps as sent becomes U+FFFD, the same in every store. Half of a surrogate pair (a comment
// cut inside an emoji) has no UTF-8 form: SQLite would keep three bytes that read back as three U+FFFD,
// PostgreSQL one, and JSON columns the escaped half. PostgreSQL refuses U+0000 in text, and in a json
// column it breaks every `->>` over the row (each context breakdown answered 500).
const storable = (value: string): boolean => value.isWellFormed() && !value.includes('\u0000');
const text = (value: string): string => (storable(value) ? value : value.toWellFormed().replaceAll('\u0000', '\ufffd'));
const texts = (values: Record<string, string>): Record<string, string> =>
  Object.values(values).every(storable)
    ? values
    : Object.fromEntries(Object.entries(values).map(([key, value]) => [key, text(value)]));

/**
 * Flattens an answer into columns. Times become epoch ms (they sort and range-scan as integers); the
 * original `answeredAt` text is kept too, so an export returns exactly what the client sent.
 */
export function toRow(response: SurveyResponse, receivedAt: Date): ResponseRow {
  const respondent = response.respondent === undefined ? undefined : texts(response.respondent);
  return [
    response.id,
    response.site,
    response.survey,
    response.kind,
    response.score,
    categorize(response.kind, response.score),
    response.comment === undefined ? null : text(response.comment),
    response.locale,
    response.channel,
    response.touchpoint === undefined ? null : text(response.touchpoint),
    response.context === undefined ? null : JSON.stringify(texts(response.context)),
    respondent === undefined ? null : JSON.stringify(respondent),
    respondent?.anonymousId ?? null,
    respondent?.userId ?? null,
    epochMs(response.answeredAt),
    response.answeredAt,
    receivedAt.getTime(),
  ];
}

/** Rebuilds the stored answer from its row; optional fields absent when they were absent on input. */
export function fromRow(row: ReadRow): StoredResponse {
  const response: Record<string, unknown> = {
    id: row.id,
    site: row.site,
    survey: row.survey,
    kind: row.kind,
    score: Number(row.score),
  };
  if (row.comment !== null) response.comment = row.comment;
  response.locale = row.locale;
  response.channel = row.channel;
  if (row.touchpoint !== null) response.touchpoint = row.touchpoint;
  if (row.context !== null) response.context = JSON.parse(row.context) as unknown;
  if (row.respondent !== null) response.respondent = JSON.parse(row.respondent) as unknown;
  response.answeredAt = row.answered_at_text;
  response.category = row.category;
  response.receivedAt = new Date(Number(row.received_at)).toISOString();
  return response as unknown as StoredResponse;
}
