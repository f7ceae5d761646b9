import type { Channel, Kind, SurveyResponse } from '@koe/core';
import { SCALES } from '@koe/core';
import { seededRandom } from '../seed/random.js';

/** A UUID v4 drawn from `next`, so test ids are reproducible too. */
export function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(next() * 4)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Options of `randomResponses`. */
export interface RandomResponsesOptions {
  site: string;
  surveys: { id: string; kind: Kind }[];
  count: number;
  /** Answers fall uniformly in `[from, to)`. */
  from: Date;
  to: Date;
  seed?: number;
}

const CHANNELS: Channel[] = ['web', 'chat', 'email'];
// Japanese and an emoji (two UTF-16 units, one character in SQL) keep the counts' key arithmetic honest.
const TOUCHPOINTS = ['checkout', 'support', 'onboarding', 'お問い合わせ', '🛒 cart'];
const LOCALES = ['en', 'ja', 'ja-JP'];
const AGENTS = ['agent-1', 'agent-2', 'agent-3'];

/** Random but plausible answers: several channels, touchpoints (sometimes none), locales and context keys. */
export function randomResponses(options: RandomResponsesOptions): SurveyResponse[] {
  const next = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const span = options.to.getTime() - options.from.getTime();
  return Array.from({ length: options.count }, () => {
    const survey = pick(options.surveys);
    const scale = SCALES[survey.kind];
    const at = options.from.getTime() + Math.floor(next() * span);
    const response: SurveyResponse = {
      id: uuid(next),
      site: options.site,
      survey: survey.id,
      kind: survey.kind,
      score: scale.min + Math.floor(next() * (scale.max - scale.min + 1)),
      locale: pick(LOCALES),
      channel: pick(CHANNELS),
      answeredAt: new Date(at).toISOString(),
    };
    if (next() < 0.7) response.touchpoint = pick(TOUCHPOINTS);
    if (next() < 0.6) response.context = { agent: pick(AGENTS), conversation: `c-${Math.floor(next() * 1e6)}` };
    if (next() < 0.3) response.comment = pick(['fast', 'とても良い', 'slow 😞', '<b>meh</b>']);
    return response;
  });
}
