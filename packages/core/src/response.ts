import { z } from 'zod';
import { util } from 'zod/v4/core';
import { Kind, SCALES } from './scales.js';
import { Channel, FORBIDDEN_KEYS, LocaleTag, MAP_KEY_MESSAGE, MAP_KEY_PATTERN, Slug } from './primitives.js';

/** Free-form context sent with an answer (conversation id, agent id, team…): ≤ 20 string entries. */
// One pass of plain code inside one zod schema, rather than z.record piped from a reserved-key pre-check:
// that chain cost the collector 6–8 µs of CPU per answer (measured in the server; about a tenth of
// ingesting one), for a map that holds one or two keys. zod's record also drops `__proto__` silently,
// which is why reserved keys are refused here by name. The map is copied first and the copy checked, so
// what comes out is what was checked (no getter read twice, no alias of the caller's object). The JSON
// Schema is given, as code has none (z.toJSONSchema needs `unrepresentable: 'any'` for the z.custom).
export const Context = z
  .custom<Record<string, string>>()
  .overwrite(copyOf)
  .superRefine((value, ctx) => {
    if (!util.isPlainObject(value)) {
      ctx.addIssue({ code: 'custom', message: `Invalid input: expected record, received ${typeName(value)}` });
      return;
    }
    const keys = Object.keys(value);
    if (keys.length > 20) ctx.addIssue({ code: 'custom', message: 'at most 20 keys' });
    for (const key of keys) {
      const entry = (value as Record<string, unknown>)[key];
      if (FORBIDDEN_KEYS.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'this key name is reserved' });
      else if (!MAP_KEY_PATTERN.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: `invalid key: ${MAP_KEY_MESSAGE}` });
      if (typeof entry !== 'string') ctx.addIssue({ code: 'custom', path: [key], message: `Invalid input: expected string, received ${typeName(entry)}` });
      else if (entry.length > 200) ctx.addIssue({ code: 'custom', path: [key], message: 'values must be at most 200 characters' });
    }
  })
  .meta({
    type: 'object',
    maxProperties: 20,
    propertyNames: { type: 'string', pattern: MAP_KEY_PATTERN.source, not: { enum: [...FORBIDDEN_KEYS] } },
    additionalProperties: { type: 'string', maxLength: 200 },
  });

/** A plain copy of a plain object's own enumerable string keys; anything else as it is (and then refused). */
function copyOf(value: Record<string, string>): Record<string, string> {
  if (!util.isPlainObject(value)) return value;
  const copy: Record<string, string> = {};
  for (const key of Object.keys(value)) {
    // Defined, not assigned: assigning `__proto__` would set the copy's prototype and lose the key the check refuses.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: value[key], enumerable: true, writable: true, configurable: true });
    else copy[key] = value[key]!;
  }
  return copy;
}

const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
/** A string map. */
export type Context = z.infer<typeof Context>;

/** Who answered: a random id the widget keeps, and the site's own user id when it called `identify`. */
export const Respondent = z.strictObject({
  anonymousId: z.string().min(1).max(100).optional(),
  userId: z.string().min(1).max(200).optional(),
});
/** A respondent. */
export type Respondent = z.infer<typeof Respondent>;

/** One answer, as the widget or a chat backend sends it. */
export const SurveyResponse = z
  .strictObject({
    // Lowercased: a UUID's case carries no meaning, so a retry in other letters is the same answer.
    id: z.uuid('must be a UUID made by the client (the idempotency key)').toLowerCase(),
    site: Slug,
    survey: Slug,
    kind: Kind,
    score: z.number().int('must be an integer'),
    comment: z.string().max(2000, 'must be at most 2,000 characters').optional(),
    locale: LocaleTag,
    channel: Channel,
    touchpoint: z.string().min(1).max(64).optional(),
    context: Context.optional(),
    respondent: Respondent.optional(),
    // At most 40 characters: the pattern takes any number of fraction digits (60,000 were accepted).
    answeredAt: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2026-11-23T10:30:00Z' })
      .max(40, 'must be an ISO 8601 date-time such as 2026-11-23T10:30:00Z'),
  })
  .superRefine((response, ctx) => {
    const scale = SCALES[response.kind];
    if (response.score < scale.min || response.score > scale.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['score'],
        message: `${response.kind} scores are integers from ${scale.min} to ${scale.max}, got ${response.score}`,
      });
    }
  });
/** One parsed answer. */
export type SurveyResponse = z.infer<typeof SurveyResponse>;

/** Up to 100 answers in one request. */
export const ResponseBatch = z.strictObject({
  responses: z.array(SurveyResponse).min(1, 'must hold at least 1 response').max(100, 'must hold at most 100 responses'),
});
/** A batch of answers. */
export type ResponseBatch = z.infer<typeof ResponseBatch>;
