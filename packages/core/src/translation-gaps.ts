import type { LocalizableSurvey } from './localize.js';

/** A text of a survey that lacks a language its other texts have. */
export interface TranslationGap {
  /** Where the text is: `question` or `followUp.<category>`. */
  path: string;
  /** The language it lacks (a tag as the config spells it, e.g. `ja`). */
  lang: string;
}

const languageOf = (tag: string) => tag.toLowerCase().split(/[-_]/)[0]!;

/**
 * The texts of a survey that lack a language some other text of it has: a half-translated survey, whose
 * visitors in that language get koe's default wording for the missing texts. A survey written in one
 * language only has no gaps (its visitors in other languages get koe's defaults throughout, by design).
 */
export function translationGaps(survey: LocalizableSurvey): TranslationGap[] {
  const texts: [string, Record<string, string> | undefined][] = [['question', survey.question]];
  for (const [category, text] of Object.entries(survey.followUp ?? {})) texts.push([`followUp.${category}`, text]);
  const present = texts.filter((entry): entry is [string, Record<string, string>] => !!entry[1] && Object.keys(entry[1]).length > 0);
  const languages = new Map<string, string>();
  for (const [, text] of present) for (const tag of Object.keys(text)) if (!languages.has(languageOf(tag))) languages.set(languageOf(tag), tag);
  const gaps: TranslationGap[] = [];
  for (const [path, text] of present) {
    const has = new Set(Object.keys(text).map(languageOf));
    for (const [language, tag] of languages) if (!has.has(language)) gaps.push({ path, lang: tag });
  }
  return gaps;
}
