import { z } from 'zod';
import { Category, Kind, SCALES } from './scales.js';
import { CaseRule } from './cases.js';
import { Channel, LocalizedText, Slug } from './primitives.js';

/** Shows a survey when the page calls `koe('track', event)` with this event name. */
export const EventTrigger = z.strictObject({
  on: z.literal('event'),
  event: z.string().min(1).max(100),
  delaySeconds: z.number().min(0).max(3600).optional(),
});
/** An event trigger. */
export type EventTrigger = z.infer<typeof EventTrigger>;

/** Shows a survey on page views whose path matches `url` (`*` matches anything; omitted: every page). */
export const PageviewTrigger = z.strictObject({
  on: z.literal('pageview'),
  url: z.string().min(1).max(500).optional(),
  delaySeconds: z.number().min(0).max(3600).optional(),
});
/** A page-view trigger. */
export type PageviewTrigger = z.infer<typeof PageviewTrigger>;

/** When a survey shows by itself; a survey without one shows only through `show`, `mount` or `headless`. */
export const Trigger = z.discriminatedUnion('on', [EventTrigger, PageviewTrigger]);
/** An event or page-view trigger. */
export type Trigger = z.infer<typeof Trigger>;

/** How often one respondent may be asked. */
export const Throttle = z.strictObject({
  /** Days before a respondent who saw this survey may see it again. */
  recontactDays: z.number().min(0).max(3650).default(90),
  /** Share of respondents who are ever asked, 0–1; sticky per respondent. */
  sampleRate: z.number().min(0).max(1).default(1),
});
/** Recontact period and sampling. */
export type Throttle = z.infer<typeof Throttle>;

/** A survey definition: one question of one kind, with its follow-up and when to ask it. */
export const Survey = z
  .strictObject({
    id: Slug,
    kind: Kind,
    question: LocalizedText.optional(),
    followUp: z.partialRecord(Category, LocalizedText).optional(),
    trigger: Trigger.optional(),
    throttle: Throttle.default({ recontactDays: 90, sampleRate: 1 }),
    channel: Channel.default('web'),
    touchpoint: z.string().min(1).max(64).optional(),
    /** Closing the loop: which answers open a follow-up case, and the webhook that announces it. Never sent to browsers. */
    cases: CaseRule.optional(),
  })
  .superRefine((survey, ctx) => {
    const allowed = SCALES[survey.kind].categories.map((c) => c.name);
    for (const key of Object.keys(survey.followUp ?? {})) {
      if (!allowed.includes(key as Category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['followUp', key],
          message: `${survey.kind} has no category "${key}": expected ${allowed.join(', ')}`,
        });
      }
    }
    survey.cases?.categories?.forEach((category, i) => {
      if (!allowed.includes(category)) {
        ctx.addIssue({ code: 'custom', path: ['cases', 'categories', i], message: `${survey.kind} has no category "${category}": expected ${allowed.join(', ')}` });
      }
    });
  });
/** The categories whose answers open a case: the rule's, or the kind's lowest (detractor, dissatisfied, difficult). */
export function caseCategories(survey: Pick<Survey, 'kind' | 'cases'>): readonly Category[] {
  return survey.cases?.categories ?? [SCALES[survey.kind].categories.at(-1)!.name];
}

/** A parsed survey (defaults applied). */
export type Survey = z.infer<typeof Survey>;
/** A survey as written in a config file (defaults not yet applied). */
export type SurveyInput = z.input<typeof Survey>;
