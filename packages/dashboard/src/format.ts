import { SCALES, type Category, type Kind } from '@koe/core/browser';
import type { Lang } from './i18n/index.js';
import type { Interval } from './period.js';

// Scores are shown as teams quote them: NPS as whole points (−100 to 100), CSAT as a whole percentage,
// CES as a mean to one decimal; differences get one more decimal so that small moves do not read as zero.
const SCORE_DIGITS: Record<Kind, number> = { nps: 0, csat: 0, ces: 1 };
const DIFFERENCE_DIGITS: Record<Kind, number> = { nps: 1, csat: 1, ces: 2 };

/** A score as its kind is quoted: `+38` (NPS), `82%` (CSAT), `5.4` (CES); `–` for none. */
export function formatScore(kind: Kind, score: number | null, lang: Lang): string {
  if (score === null || !Number.isFinite(score)) return '–';
  const digits = SCORE_DIGITS[kind];
  const text = new Intl.NumberFormat(lang, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    ...(kind === 'nps' ? { signDisplay: 'exceptZero' as const } : {}),
  }).format(score);
  return kind === 'csat' ? `${text}%` : text;
}

/** A bound of an interval, with one decimal more than the score so a narrow interval stays readable. */
export function formatBound(kind: Kind, value: number, lang: Lang): string {
  const digits = SCORE_DIGITS[kind] + 1;
  const text = new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  return kind === 'csat' ? `${text}%` : text;
}

/** A difference between two scores, always signed: `+6.5`, `−0.25`. */
export function formatDifference(kind: Kind, difference: number, lang: Lang): string {
  const digits = DIFFERENCE_DIGITS[kind];
  return new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'always' }).format(difference);
}

/** A share as a percentage, to one decimal at most or exactly `digits`: 0.95 → `95%`, 0.523 → `52.3%`. */
export function formatPercent(share: number, lang: Lang, digits?: number): string {
  return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits ?? 1 }).format(share);
}

/** A p-value to two significant digits (three where two would read as 0.05), `< 0.001` below that. */
export function formatP(p: number): string {
  if (p < 0.001) return '< 0.001';
  // 0.0496 and 0.0504 both round to 0.05, one significant and one not: add digits until one decides.
  for (let digits = 2; digits < 6; digits++) {
    const shown = Number(p.toPrecision(digits));
    if (shown !== 0.05) return shown.toString();
  }
  return p.toPrecision(3);
}

/** One answer's score as given on its scale: `2/10`, `1/5`, `6/7`. */
export function formatAnswer(kind: Kind, score: number): string {
  return `${score}/${SCALES[kind].max}`;
}

/** A count with the language's grouping: `12,345`. */
export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang).format(n);
}

/** An instant as a date and time in the browser's time zone. */
export function formatInstant(iso: string, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

/** A trend bucket's label: the day (`Nov 23`, `11月23日`), the week's Monday, or the month (`Nov 2026`). */
export function formatPeriod(period: string, interval: Interval, lang: Lang): string {
  // Buckets are calendar dates in the report's time zone: read them as UTC dates so no offset shifts the day.
  const date = new Date(`${period}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions =
    interval === 'month' ? { year: 'numeric', month: 'short', timeZone: 'UTC' } : { month: 'short', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang, options).format(date);
}

/** A category's colour class: `tone-0` for the best category of its kind, `tone-2` for the worst. */
export function toneOf(kind: Kind, category: Category): string {
  return `tone-${Math.max(0, SCALES[kind].categories.findIndex((c) => c.name === category))}`;
}
