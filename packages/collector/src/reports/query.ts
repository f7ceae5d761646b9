import { z } from 'zod';
import { Category, Channel, MapKey, Slug, StorableText } from '@koe/core';
import { ContextColumns } from '../export/context-columns.js';
import { invalidQuery } from '../http/errors.js';
import type { ResponseFilter } from '../store/store.js';
import { canonicalTimeZone, isTimeZone, startOfLocalDate } from './time-zone.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const DateTime = z.iso.datetime({ offset: true });
// An unencoded `+09:00` in a URL arrives as ` 09:00` (a `+` in a query string is a space): read it as meant.
const SPACED_OFFSET = /^(\d{4}-\d{2}-\d{2}T[\d:.]+) (\d{2}:\d{2})$/;
const unspaced = (value: string): string => value.replace(SPACED_OFFSET, '$1+$2');
const SpacedDateTime = z.string().regex(SPACED_OFFSET).refine((value) => DateTime.safeParse(unspaced(value)).success);

/** A point in time: an ISO 8601 date-time with offset, or a date (`YYYY-MM-DD`, midnight in `tz`). */
const Instant = z
  .union([DateTime, z.iso.date(), SpacedDateTime], {
    error: 'must be an ISO 8601 date-time with offset (2026-11-23T10:00:00Z) or a date (2026-11-23)',
  })
  // Date.UTC, which local dates go through, reads years 0–99 as 1900–1999: keep to four-digit years.
  .refine((value) => !value.startsWith('0'), 'must fall in the years 1000 to 9999');

/** An IANA time zone name. */
export const TimeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, 'must be an IANA time zone such as "Asia/Tokyo" or "UTC"')
  .overwrite((name) => canonicalTimeZone(name) ?? name);

const base = {
  site: Slug,
  survey: Slug,
  from: Instant.optional(),
  to: Instant.optional(),
  channel: Channel.optional(),
  touchpoint: StorableText.pipe(z.string().min(1).max(64)).optional(),
  tz: TimeZone.default('UTC'),
  confidence: z.coerce.number().gt(0.5, 'must be between 0.5 and 1').lt(1, 'must be between 0.5 and 1').optional(),
};

/** Query of GET /v1/reports/summary. */
export const SummaryQuery = z.strictObject(base);
/** Query of GET /v1/reports/trend. */
export const TrendQuery = z.strictObject({ ...base, interval: z.enum(['day', 'week', 'month']).default('day') });
// A template literal checks only MapKey's pattern, not its refinements (reserved keys such as __proto__).
const ContextDimension = z.templateLiteral(['context.', MapKey]).refine((by) => MapKey.safeParse(by.slice('context.'.length)).success);
/** A breakdown dimension: a column or `context.<key>`. */
export const Dimension = z.union([z.enum(['channel', 'touchpoint', 'locale']), ContextDimension], {
  error: 'must be channel, touchpoint, locale or context.<key>',
});
/** Largest `limit` a breakdown accepts. */
export const MAX_BREAKDOWN_LIMIT = 1000;
const LIMIT_RANGE = `must be a whole number from 1 to ${MAX_BREAKDOWN_LIMIT}`;
/** Query of GET /v1/reports/breakdown; `limit` keeps only the largest groups. */
export const BreakdownQuery = z.strictObject({
  ...base,
  by: Dimension,
  limit: z.string().regex(/^\d{1,4}$/, LIMIT_RANGE).pipe(z.coerce.number<string>().min(1, LIMIT_RANGE).max(MAX_BREAKDOWN_LIMIT, LIMIT_RANGE)).optional(),
});
/**
 * Query of GET /v1/responses (the export). `tz` has no default here: given, a CSV gains local-time columns,
 * and a CSV without it stays as it always was; dates in `from`/`to` are still read in UTC without it.
 */
export const ExportQuery = z.strictObject({
  ...base,
  tz: TimeZone.optional().meta({ description: 'IANA time zone of dates in `from`/`to` (default UTC); with `format=csv`, also adds `answered_at_local` and `received_at_local` columns in it' }),
  format: z.enum(['ndjson', 'csv']).default('ndjson'),
  context: ContextColumns.optional(),
});

const { confidence: _, ...listBase } = base;
const COMMENT_LIMIT = 'must be a whole number from 1 to 500';
/** Query of GET /v1/comments: `category` is one category or several, comma-separated (`detractor,passive`). */
export const CommentQuery = z.strictObject({
  ...listBase,
  category: z
    .string()
    .transform((list) => list.split(',').map((item) => item.trim()))
    .pipe(z.array(Category).min(1).max(3))
    .optional()
    .meta({ description: 'one category or several, comma-separated (`detractor,passive`); all when absent', example: 'detractor,passive' }),
  limit: z.coerce.number().int(COMMENT_LIMIT).min(1, COMMENT_LIMIT).max(500, COMMENT_LIMIT).default(50),
  before: StorableText.pipe(z.string().max(300)).optional().meta({ description: 'the `next` of the previous page' }),
});

/** Turns a `from`/`to` parameter into an instant, reading a bare date as midnight in `tz`. */
export function instantOf(value: string | undefined, timeZone: string): Date | undefined {
  if (value === undefined) return undefined;
  return DATE.test(value) ? startOfLocalDate(value, timeZone) : new Date(unspaced(value));
}

/**
 * The answers a listing query covers (the export, the comments): its survey, its `[from, to)` read in `tz`
 * (all time where absent) and its slice; 400 naming `from` when it is not before `to`.
 */
export function responseFilterOf(query: {
  site: string;
  survey: string;
  from?: string;
  to?: string;
  tz: string;
  channel?: Channel;
  touchpoint?: string;
  contextFilter?: Record<string, string>;
}): ResponseFilter {
  const from = instantOf(query.from, query.tz);
  const to = instantOf(query.to, query.tz);
  if (from && to && from.getTime() >= to.getTime()) throw invalidQuery([{ path: 'from', message: 'must be before to' }]);
  return {
    site: query.site,
    survey: query.survey,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(query.channel ? { channel: query.channel } : {}),
    ...(query.touchpoint ? { touchpoint: query.touchpoint } : {}),
    ...(query.contextFilter ? { context: query.contextFilter } : {}),
  };
}
