/** The locales koe ships message packs for. */
export const LOCALES = ['en', 'ja'] as const;
/** A locale koe ships messages for. */
export type Locale = (typeof LOCALES)[number];

/**
 * Picks the best available locale for what the visitor asked for (a tag or a preference list such as
 * `navigator.languages`): an exact match, then the same language, then the first available (`en`).
 */
export function resolveLocale<T extends string = Locale>(
  requested: string | readonly string[] | null | undefined,
  available: readonly T[] = LOCALES as unknown as readonly T[],
): T {
  const wanted = (typeof requested === 'string' ? [requested] : (requested ?? [])).map((tag) => tag.toLowerCase());
  const lower = available.map((tag) => tag.toLowerCase());
  for (const tag of wanted) {
    const exact = lower.indexOf(tag);
    if (exact >= 0) return available[exact]!;
    const language = tag.split(/[-_]/)[0];
    const same = lower.findIndex((a) => a === language || a.split('-')[0] === language);
    if (same >= 0) return available[same]!;
  }
  return available[lower.indexOf('en')] ?? available[0]!;
}

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'yi', 'dv', 'ug', 'ku']);

/** The writing direction of a language tag, for the `dir` attribute. */
export function localeDirection(tag: string): 'ltr' | 'rtl' {
  return RTL.has(tag.toLowerCase().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';
}
