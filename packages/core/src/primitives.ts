import { z } from 'zod';
import { FORBIDDEN_KEYS, LOCALE_MAX, LOCALE_PATTERN, MAP_KEY_MESSAGE, MAP_KEY_PATTERN, SLUG_PATTERN } from './patterns.js';

export { FORBIDDEN_KEYS, LOCALE_MAX, LOCALE_PATTERN, MAP_KEY_MESSAGE, MAP_KEY_PATTERN, SLUG_PATTERN } from './patterns.js';

/** A lowercase identifier for sites and surveys: letters, digits, `-` and `_`, up to 64 characters. */
export const Slug = z
  .string()
  .regex(SLUG_PATTERN, 'must be 1–64 lowercase letters, digits, "-" or "_", starting with a letter or digit');
/** A site or survey identifier. */
export type Slug = z.infer<typeof Slug>;

/** A BCP 47 language tag such as `en`, `ja` or `ja-JP`. */
export const LocaleTag = z
  .string()
  .max(LOCALE_MAX, 'must be a language tag such as "en" or "ja-JP"')
  .regex(LOCALE_PATTERN, 'must be a language tag such as "en" or "ja-JP"');
/** A language tag. */
export type LocaleTag = z.infer<typeof LocaleTag>;

/** Where the interaction happened. */
export const Channel = z.enum(['web', 'chat', 'email', 'sms', 'app', 'other']);
/** One of `web`, `chat`, `email`, `sms`, `app`, `other`. */
export type Channel = z.infer<typeof Channel>;

/** Texts per locale, e.g. `{ en: "…", ja: "…" }`. */
export const LocalizedText = z.record(LocaleTag, z.string().trim().min(1).max(500));
/** A text in several languages. */
export type LocalizedText = z.infer<typeof LocalizedText>;



/** A key of a free-form map: 1–40 characters of letters, digits, `_`, `.`, `:` or `-`. */
export const MapKey = z
  .string()
  .regex(MAP_KEY_PATTERN, MAP_KEY_MESSAGE)
  .refine((key) => !FORBIDDEN_KEYS.has(key), 'this key name is reserved');
