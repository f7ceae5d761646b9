import { util } from 'zod/v4/core';
import { checkContext, copyOf } from './context.js';
import { Channel, LOCALE_MAX, LOCALE_PATTERN, SLUG_PATTERN } from './primitives.js';
import { LIMITS, Respondent, SurveyResponse, type ResponseBatch } from './response.js';
import { Kind, SCALES } from './scales.js';

// The two patterns zod keeps for its own formats, read from the schema so that both paths test the same.
const patternOf = (schema: unknown): RegExp | undefined => {
  const pattern = (schema as { _zod?: { pattern?: unknown } })._zod?.pattern;
  return pattern instanceof RegExp ? pattern : undefined;
};
const UUID = patternOf(SurveyResponse.shape.id);
const DATE_TIME = patternOf(SurveyResponse.shape.answeredAt);
const KINDS = new Set<string>(Kind.options);
const CHANNELS = new Set<string>(Channel.options);
// The fields this code checks, in the schema's order. A field added to the schema turns the fast path off
// (every answer then goes through zod) until it is handled here too; a test fails meanwhile.
const FIELDS = ['id', 'site', 'survey', 'kind', 'score', 'comment', 'locale', 'channel', 'touchpoint', 'context', 'respondent', 'answeredAt'];
const KEYS = new Set(FIELDS);
const ENABLED = !!UUID && !!DATE_TIME && Object.keys(SurveyResponse.shape).join() === FIELDS.join() && Object.keys(Respondent.shape).join() === 'anonymousId,userId';
const RESPONDENT_KEYS = new Set(['anonymousId', 'userId']);

const plain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
// Lengths in code points, as zod's min and max count them; counted only where UTF-16 units leave it in doubt.
const text = (value: unknown, [least, most]: readonly [number, number]): value is string => {
  if (typeof value !== 'string') return false;
  const units = value.length;
  const length = units > most || units < 2 * least ? util.codePointLength(value) : units;
  return length >= least && length <= most;
};
// A key given as undefined is left to zod, which has its own view of it.
const optional = (value: unknown, check: (v: unknown) => boolean, present: boolean) => !present || (value !== undefined && check(value));

/**
 * SurveyResponse's rules as straight-line code, for the collector, which checks every answer it receives:
 * in the server, zod's generic dispatch over the schema cost 12 to 16 µs of CPU per answer (measured), a
 * quarter of what ingesting one costs. Returns what `SurveyResponse.parse(input)` returns when `input`
 * certainly passes; `undefined` otherwise (or when unsure: anything but plain JSON-like objects), and the
 * caller parses with the schema then, for its issues. Patterns and limits come from the schema's own
 * definitions, and a differential test holds both paths to the same verdicts and the same output.
 */
export function parseResponseFast(input: unknown): SurveyResponse | undefined {
  if (!ENABLED || !plain(input)) return undefined;
  for (const key in input) if (!KEYS.has(key)) return undefined;
  const { id, site, survey, kind, score, comment, locale, channel, touchpoint, context, respondent, answeredAt } = input;
  if (typeof id !== 'string' || !UUID!.test(id)) return undefined;
  if (typeof site !== 'string' || !SLUG_PATTERN.test(site) || typeof survey !== 'string' || !SLUG_PATTERN.test(survey)) return undefined;
  if (typeof kind !== 'string' || !KINDS.has(kind) || typeof channel !== 'string' || !CHANNELS.has(channel)) return undefined;
  const scale = SCALES[kind as Kind];
  if (!Number.isSafeInteger(score) || (score as number) < scale.min || (score as number) > scale.max) return undefined;
  if (typeof locale !== 'string' || locale.length > LOCALE_MAX || !LOCALE_PATTERN.test(locale)) return undefined;
  if (!text(answeredAt, LIMITS.answeredAt) || !DATE_TIME!.test(answeredAt)) return undefined;
  if (!optional(comment, (v) => text(v, LIMITS.comment), 'comment' in input)) return undefined;
  if (!optional(touchpoint, (v) => text(v, LIMITS.touchpoint), 'touchpoint' in input)) return undefined;
  let contextCopy: Record<string, string> | undefined;
  if ('context' in input) {
    if (!plain(context)) return undefined;
    contextCopy = copyOf(context as Record<string, string>);
    let ok = true;
    checkContext(contextCopy, () => (ok = false));
    if (!ok) return undefined;
  }
  let respondentCopy: { anonymousId?: string; userId?: string } | undefined;
  if ('respondent' in input) {
    if (!plain(respondent)) return undefined;
    for (const key in respondent) if (!RESPONDENT_KEYS.has(key)) return undefined;
    const { anonymousId, userId } = respondent;
    if (!optional(anonymousId, (v) => text(v, LIMITS.anonymousId), 'anonymousId' in respondent)) return undefined;
    if (!optional(userId, (v) => text(v, LIMITS.userId), 'userId' in respondent)) return undefined;
    // Keys in the schema's order, as zod builds its output (a stored JSON column keeps that order).
    respondentCopy = {};
    if ('anonymousId' in respondent) respondentCopy.anonymousId = anonymousId as string;
    if ('userId' in respondent) respondentCopy.userId = userId as string;
  }
  const output: Record<string, unknown> = { id: id.toLowerCase(), site, survey, kind, score };
  if ('comment' in input) output.comment = comment;
  output.locale = locale;
  output.channel = channel;
  if ('touchpoint' in input) output.touchpoint = touchpoint;
  if (contextCopy) output.context = contextCopy;
  if (respondentCopy) output.respondent = respondentCopy;
  output.answeredAt = answeredAt;
  return output as SurveyResponse;
}

/** ResponseBatch the same way: the batch when it and every answer in it certainly pass, else `undefined`. */
export function parseBatchFast(input: unknown): ResponseBatch | undefined {
  if (!plain(input)) return undefined;
  for (const key in input) if (key !== 'responses') return undefined;
  const { responses } = input;
  if (!Array.isArray(responses) || responses.length < 1 || responses.length > 100) return undefined;
  const parsed: SurveyResponse[] = [];
  for (const item of responses) {
    const response = parseResponseFast(item);
    if (!response) return undefined;
    parsed.push(response);
  }
  return { responses: parsed };
}
