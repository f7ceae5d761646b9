import type { VisitorState } from './visitor.js';
import type { WireSurvey } from './types.js';

const DAY = 86_400_000;

/** A stable number in [0, 1) for a string (32-bit FNV-1a), so sampling needs no storage of its own. */
export function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 4294967296;
}

/** Whether this respondent falls in the survey's sample: the same visitor always lands on the same side. */
export function sampled(anonymousId: string, survey: Pick<WireSurvey, 'id' | 'throttle'>): boolean {
  const rate = survey.throttle?.sampleRate ?? 1;
  return rate >= 1 || unitHash(`${anonymousId}:${survey.id}`) < rate;
}

/**
 * Whether a survey may show by itself now: in the sample, outside its recontact period (shown, dismissed
 * or answered all count as seen), and outside the global cooldown after any survey.
 */
export function eligible(survey: Pick<WireSurvey, 'id' | 'throttle'>, state: VisitorState, now: number, cooldownDays: number): boolean {
  const seen = state.s[survey.id];
  if (seen !== undefined && now - seen < (survey.throttle?.recontactDays ?? 90) * DAY) return false;
  if (state.l !== undefined && now - state.l < cooldownDays * DAY) return false;
  return sampled(state.a, survey);
}
