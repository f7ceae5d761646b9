import { en } from './en.js';
import { ja } from './ja.js';
import type { Messages } from './messages.js';
import { resolveLocale, type Locale } from './resolve.js';

/** Every shipped message pack by locale. */
export const MESSAGES: Readonly<Record<Locale, Messages>> = { en, ja };

/** The message pack for a language tag (`ja-JP` → Japanese), falling back to English. */
export function messagesFor(tag: string | readonly string[] | null | undefined): Messages {
  return MESSAGES[resolveLocale(tag)];
}
