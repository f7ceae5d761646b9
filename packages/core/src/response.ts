import { z } from 'zod';
import { Kind, SCALES } from './scales.js';
import { Context } from './context.js';
import { Channel, LocaleTag, Slug } from './primitives.js';

export { Context } from './context.js';

/** Length limits of an answer's free-text fields, [least, most] (shared with parseResponseFast). */
export const LIMITS = {
  comment: [0, 2000],
  touchpoint: [1, 64],
  answeredAt: [0, 40],
  anonymousId: [1, 100],
  userId: [1, 200],
} as const;

/** Who answered: a random id the widget keeps, and the site's own user id when it called `identify`. */
export const Respondent = z.strictObject({
  anonymousId: z.string().min(LIMITS.anonymousId[0]).max(LIMITS.anonymousId[1]).optional(),
  userId: z.string().min(LIMITS.userId[0]).max(LIMITS.userId[1]).optional(),
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
    comment: z.string().max(LIMITS.comment[1], 'must be at most 2,000 characters').optional(),
    locale: LocaleTag,
    channel: Channel,
    touchpoint: z.string().min(LIMITS.touchpoint[0]).max(LIMITS.touchpoint[1]).optional(),
    context: Context.optional(),
    respondent: Respondent.optional(),
    // At most 40 characters: the pattern takes any number of fraction digits (60,000 were accepted).
    answeredAt: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2026-11-23T10:30:00Z' })
      .max(LIMITS.answeredAt[1], 'must be an ISO 8601 date-time such as 2026-11-23T10:30:00Z'),
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
