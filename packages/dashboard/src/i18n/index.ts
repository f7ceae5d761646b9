import { en } from './en.js';
import { ja } from './ja.js';
import type { Lang, Texts } from './texts.js';

export type { Lang, Texts } from './texts.js';

/** The texts of each language. */
export const TEXTS: Readonly<Record<Lang, Texts>> = { en, ja };

/** The first of the browser's preferred languages the dashboard speaks (`ja-JP` → ja), else English. */
export function pickLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}
