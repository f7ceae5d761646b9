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

/**
 * The survey's own text in the locale's language (the exact tag, else the same language: `ja` for `ja-JP`),
 * never in another one: the card's labels and buttons come from the locale's pack, so an English question
 * above Japanese labels would leave a visitor with half a card they may not read.
 */
function pick(text: LocalizedText | undefined, locale: string): string | undefined {
  if (!text) return undefined;
  const keys = Object.keys(text);
  const match = resolveLocale(locale, keys);
  return match !== undefined && sameLanguage(match, locale) ? text[match] : undefined;
}

const languageOf = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
const sameLanguage = (a: string, b: string) => languageOf(a) === languageOf(b);

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
