import type { Channel, SurveyResponse } from '@koe/core';
import type { KoeContext, WireSurvey } from './types.js';
import type { VisitorState } from './visitor.js';

// Never cut between the two halves of an emoji's surrogate pair: half a character has no UTF-8 form.
const cut = (text: string, length: number): string => text.slice(0, length).replace(/[\ud800-\udbff]$/, '');

/**
 * Merges context maps (later ones win) into what the collector accepts: keys of 1–40 letters, digits or
 * `_.:-` (not `__proto__`, `constructor`, `prototype`), values as strings of at most 200 characters, at
 * most 20 keys. Anything else is left out rather than getting the whole answer refused.
 */
export function contextOf(...maps: (KoeContext | undefined)[]): KoeContext | undefined {
  const entries = new Map<string, string>();
  for (const map of maps) {
    for (const key in map) {
      if (/^[\w.:-]{1,40}$/.test(key) && !/^(__proto__|constructor|prototype)$/.test(key) && map[key] != null) entries.set(key, cut(String(map[key]), 200));
    }
  }
  return entries.size ? Object.fromEntries([...entries].slice(0, 20)) : undefined;
}

/** What an answer is made of besides the visitor's score and comment. */
export interface AnswerInput {
  id: string;
  site: string;
  survey: WireSurvey;
  locale: string;
  channel?: Channel | undefined;
  context?: KoeContext | undefined;
  visitor: VisitorState;
  now: number;
}

/** Builds the answer the collector stores (core's SurveyResponse). */
export function answerOf({ survey, visitor: v, ...input }: AnswerInput, score: number, comment?: string): SurveyResponse {
  return {
    id: input.id,
    site: input.site,
    survey: survey.id,
    kind: survey.kind,
    score,
    comment: cut(comment?.trim() ?? '', 2000) || undefined,
    locale: input.locale,
    channel: input.channel ?? survey.channel ?? 'web',
    touchpoint: survey.touchpoint,
    context: contextOf(v.t, input.context),
    respondent: { anonymousId: v.a, userId: v.u },
    answeredAt: new Date(input.now).toISOString(),
  };
}
