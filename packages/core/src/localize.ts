import type { Messages } from './locales/messages.js';
import { localeDirection, resolveLocale } from './locales/resolve.js';
import { SCALES, type Category, type Kind } from './scale-table.js';
import type { LocalizedText } from './primitives.js';

/** Minimal survey shape `localizeSurvey` reads, so it accepts both parsed and raw surveys. */
export interface LocalizableSurvey {
  id: string;
  kind: Kind;
  question?: LocalizedText | undefined;
  followUp?: Partial<Record<Category, LocalizedText>> | undefined;
}

/** A survey's texts in one language: what a UI (koe's own or a chat's quick replies) draws. */
export interface LocalizedSurvey {
  id: string;
  kind: Kind;
  locale: string;
  dir: 'ltr' | 'rtl';
  question: string;
  scale: { min: number; max: number; low: string; high: string };
  followUp: Partial<Record<Category, string>>;
}

function pick(text: LocalizedText | undefined, locale: string): string | undefined {
  if (!text) return undefined;
  const keys = Object.keys(text);
  if (keys.length === 0) return undefined;
  return text[resolveLocale(locale, keys)];
}

/**
 * Resolves a survey's texts for a locale: the survey's own text in that language, else the message
 * pack's default; `messages` is the pack of `locale` (passed in so a browser loads only one pack).
 */
export function localizeSurvey(survey: LocalizableSurvey, locale: string, messages: Messages): LocalizedSurvey {
  const scale = SCALES[survey.kind];
  const followUp: Partial<Record<Category, string>> = {};
  for (const { name } of scale.categories) {
    const text = pick(survey.followUp?.[name], locale) ?? messages.followUp[survey.kind][name];
    if (text) followUp[name] = text;
  }
  return {
    id: survey.id,
    kind: survey.kind,
    locale,
    dir: localeDirection(locale),
    question: pick(survey.question, locale) ?? messages.question[survey.kind],
    scale: { min: scale.min, max: scale.max, ...messages.scale[survey.kind] },
    followUp,
  };
}
