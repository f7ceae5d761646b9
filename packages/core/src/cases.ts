import { z } from 'zod';
import { Category, Kind } from './scales.js';
import { Context } from './context.js';
import { Channel, LocaleTag } from './primitives.js';
import { Respondent } from './response.js';

/**
 * Where the collector posts each new case: a URL it can reach, and an optional secret it signs the body
 * with (`X-Koe-Signature: sha256=<hex HMAC of the body>`), so the receiver can tell koe from a stranger.
 */
export const CaseWebhook = z.strictObject({
  url: z
    .string()
    .max(2000)
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    }, 'must be an http or https URL')
    // fetch refuses a URL with credentials (every attempt would fail), and they would show in its errors.
    .refine((value) => URL.canParse(value) && !new URL(value).username && !new URL(value).password, 'must not hold a user or password: put a token in the path or query instead'),
  secret: z.string().min(16, 'must be at least 16 characters').max(200).optional(),
});
/** A case webhook. */
export type CaseWebhook = z.infer<typeof CaseWebhook>;

/**
 * Closing the loop: which answers of a survey open a follow-up case (default: its lowest category, such as
 * NPS detractors), and where to announce each new case.
 */
export const CaseRule = z.strictObject({
  categories: z.array(Category).min(1).max(3).optional(),
  webhook: CaseWebhook.optional(),
});
/** A survey's case rule. */
export type CaseRule = z.infer<typeof CaseRule>;

/** Where a case stands: open until someone followed up, then closed. */
export const CaseStatus = z.enum(['open', 'closed']);
/** `open` or `closed`. */
export type CaseStatus = z.infer<typeof CaseStatus>;

/** What the webhook delivery of a case came to: pending (retrying), delivered, failed (gave up), or none configured. */
export const CaseNotification = z.enum(['pending', 'delivered', 'failed', 'none']);
/** A case's notification state. */
export type CaseNotification = z.infer<typeof CaseNotification>;

/** A follow-up case as the collector's API returns it: the answer that opened it, and its handling. */
export const FollowUpCase = z.object({
  id: z.string().meta({ description: 'the id of the answer that opened the case' }),
  site: z.string(),
  survey: z.string(),
  kind: Kind,
  score: z.number().int(),
  category: Category,
  comment: z.string().optional(),
  locale: LocaleTag.optional(),
  channel: Channel.optional(),
  touchpoint: z.string().optional(),
  context: Context.optional(),
  respondent: Respondent.optional(),
  answeredAt: z.string(),
  status: CaseStatus,
  assignee: z.string().nullable(),
  note: z.string().nullable(),
  openedAt: z.string(),
  updatedAt: z.string(),
  notification: CaseNotification,
  notificationError: z.string().nullable().meta({ description: 'why the last webhook attempt failed, if it did' }),
});
/** A follow-up case. */
export type FollowUpCase = z.infer<typeof FollowUpCase>;

/** Text a store keeps as given: well-formed Unicode (no half of an emoji's surrogate pair) without U+0000, which PostgreSQL refuses. */
export const StorableText = z.string().refine((value) => !UNSTORABLE.test(value), 'must be valid Unicode text without U+0000');
// The same rule on a string schema of its own, which keeps its length limits in the generated JSON Schema.
const storable = (text: z.ZodString) => text.refine((value) => !UNSTORABLE.test(value), 'must be valid Unicode text without U+0000');
// U+0000, or half of a surrogate pair (String#isWellFormed is newer than the browsers core supports).
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A change to a case (PATCH): close or reopen it, assign it (null: nobody), note what was done. */
export const CaseUpdate = z
  .strictObject({
    status: CaseStatus.optional(),
    assignee: storable(z.string().trim().min(1).max(200)).nullable().optional(),
    note: storable(z.string().max(5000)).nullable().optional(),
  })
  .refine((update) => Object.keys(update).length > 0, 'give at least one of status, assignee, note');
/** A case update. */
export type CaseUpdate = z.infer<typeof CaseUpdate>;
