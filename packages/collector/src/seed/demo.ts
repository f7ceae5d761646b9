import { SCALES, Slug, categorize, type KoeConfig, type SurveyResponse } from '@koe/core';
import { siteIndexOf } from '../config/sites.js';
import type { Store } from '../store/store.js';
import { commentsFor } from './comments.js';
import { SURVEY_PLANS, type SurveyPlan } from './plans.js';
import { normal, pick, randomUuid, seededRandom, weighted, type Random } from './random.js';

/** What `seedDemo` generates. */
export interface SeedDemoOptions {
  /** The site key the answers belong to (the demo config's is `demo`). */
  site: string;
  /** How many answers to generate; default 2,000. */
  responses?: number;
  /** Over how many days before `now`; default 90. */
  days?: number;
  /** The end of the period; default the current time. */
  now?: Date;
  /** Uniform [0, 1) source; default seeded with DEMO_SEED, so the same call yields the same answers and ids. */
  random?: () => number;
  /** A configuration whose case rules the answers follow: they open follow-up cases, never announced by webhook. */
  config?: KoeConfig;
}

/** The default seed: re-running `koe seed --demo` regenerates the same ids, which the store skips. */
export const DEMO_SEED = 0x6b6f65;

const DAY_MS = 86_400_000;
const JST_MS = 9 * 3_600_000;
const BATCH_SIZE = 500;

function positiveInteger(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${String(value)}`);
  return value;
}

// The start of the JST calendar day holding `time`, in epoch milliseconds.
function jstDayStart(time: number): number {
  return Math.floor((time + JST_MS) / DAY_MS) * DAY_MS - JST_MS;
}

/** Day weights per survey: more answers as the shop grows, shaped by the weekday. */
function dayWeights(plan: SurveyPlan, firstDay: number, days: number): [number, number][] {
  return Array.from({ length: days }, (_, i) => {
    const weekday = new Date(firstDay + i * DAY_MS + JST_MS).getUTCDay();
    return [i, (1 + (0.3 * i) / days) * plan.volume[weekday]!] as [number, number];
  });
}

function drawScore(random: Random, plan: SurveyPlan, shift: number, progress: number): number {
  const { min, max } = SCALES[plan.kind];
  // Fewer things go wrong as the team improves: the unhappy share falls by a fifth over the period.
  const unhappy = random() < plan.unhappy * (1.1 - 0.2 * progress);
  const center = unhappy ? plan.unhappyMean : plan.mean + shift + plan.trend * (progress - 0.5);
  const spread = unhappy ? plan.sd * 1.3 : plan.sd;
  return Math.min(max, Math.max(min, Math.round(center + spread * normal(random))));
}

const COMMENT_RATE: Record<number, number> = { 0: 0.35, 1: 0.3, 2: 0.55 };

/**
 * Fills a store with realistic answers for the demo config's three surveys (`website-nps`,
 * `post-chat-csat`, `support-ces`): channels, touchpoints, agents, both languages with written comments,
 * a gentle upward trend and weekday patterns. Resolves to how many answers were new to the store.
 */
export async function seedDemo(store: Store, options: SeedDemoOptions): Promise<number> {
  const site = Slug.parse(options.site);
  const total = positiveInteger('responses', options.responses ?? 2000, 0);
  const days = positiveInteger('days', options.days ?? 90, 1);
  const now = (options.now ?? new Date()).getTime();
  const random = options.random ?? seededRandom(DEMO_SEED);

  const firstDay = jstDayStart(now) - (days - 1) * DAY_MS;
  const weights = new Map(SURVEY_PLANS.map((plan) => [plan, dayWeights(plan, firstDay, days)]));
  const plans = SURVEY_PLANS.map((plan) => [plan, plan.share] as const);
  // About one answer in six comes from someone who answered before (same anonymous id).
  const respondents = Math.max(1, Math.round(total * 0.85));

  // History is not news: seeded cases are opened without a webhook announcement.
  const casesOf = options.config ? siteIndexOf(options.config)().sites.get(site)?.casesOf : undefined;
  const opens = (answers: SurveyResponse[]) => casesOf?.(answers)?.map((opened) => (opened === null ? null : false));
  let accepted = 0;
  let batch: SurveyResponse[] = [];
  for (let n = 0; n < total; n++) {
    // The main stream gives each answer its id and the seed of its own stream, always in the same number
    // of draws: ids then depend only on the seed and the answer's rank, not on `now` or `days`, so
    // seeding again later finds the same ids and adds nothing.
    const id = randomUuid(random);
    const draw = seededRandom(Math.floor(random() * 4294967296));
    const plan = weighted(draw, plans);
    const day = weighted(draw, weights.get(plan)!);
    const hour = weighted(draw, plan.hours.map((weight, h) => [h, weight] as const));
    const dayStart = firstDay + day * DAY_MS;
    let time = dayStart + hour * 3_600_000 + Math.floor(draw() * 3_600_000);
    // Today's answers cannot come from later today.
    if (time > now) time = dayStart + Math.floor(draw() * Math.max(1, now - dayStart));
    const progress = now > firstDay ? (time - firstDay) / (now - firstDay) : 1;

    const [channel, touchpoint] = weighted(draw, plan.origins);
    const locale = draw() < 0.6 ? 'ja' : 'en';
    const { context, shift } = plan.context(draw, progress, channel);
    const weekdayShift = plan.weekday[new Date(time + JST_MS).getUTCDay()]!;
    const score = drawScore(draw, plan, shift + weekdayShift, progress);
    const category = categorize(plan.kind, score);
    const rank = SCALES[plan.kind].categories.findIndex((c) => c.name === category);
    const comment = draw() < COMMENT_RATE[rank]! ? pick(draw, commentsFor(plan.kind, category, locale)) : undefined;

    const who = Math.floor(draw() * respondents);
    const respondentRandom = seededRandom(DEMO_SEED ^ (who * 2654435761));
    const anonymousId = randomUuid(respondentRandom);
    const userId = respondentRandom() < 0.4 ? `cus_${100000 + Math.floor(respondentRandom() * 900000)}` : undefined;

    batch.push({
      id,
      site,
      survey: plan.survey,
      kind: plan.kind,
      score,
      ...(comment ? { comment } : {}),
      locale,
      channel,
      touchpoint,
      context,
      respondent: userId ? { anonymousId, userId } : { anonymousId },
      answeredAt: new Date(time).toISOString(),
    });
    if (batch.length === BATCH_SIZE || n === total - 1) {
      accepted += await insertAsReceived(store, batch, now, opens);
      batch = [];
    }
  }
  return accepted;
}

/**
 * Stores answers as if each had arrived a few seconds after it was given (never after `now`), so the
 * history's receivedAt and its cases' openedAt read like a live collector's. The calls go out together:
 * the store commits them as one group.
 */
async function insertAsReceived(
  store: Store,
  answers: SurveyResponse[],
  now: number,
  opens: (answers: SurveyResponse[]) => (boolean | null)[] | undefined,
): Promise<number> {
  const byTime = new Map<number, SurveyResponse[]>();
  for (const answer of answers) {
    const at = Math.min(now, Date.parse(answer.answeredAt) + 3_000);
    byTime.set(at, [...(byTime.get(at) ?? []), answer]);
  }
  const results = await Promise.all([...byTime].map(([at, group]) => store.insert(group, new Date(at), opens(group))));
  return results.reduce((sum, result) => sum + result.accepted, 0);
}
