import { z } from 'zod';

/** What a site or survey identifier must match. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** What a language tag must match, and its longest length. */
export const LOCALE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
export const LOCALE_MAX = 35;

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

/** Keys that would reach Object.prototype when a parsed map is copied with plain assignment. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** What a key of a free-form map must match. */
export const MAP_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,40}$/;
/** Why a key that does not match MAP_KEY_PATTERN is refused. */
export const MAP_KEY_MESSAGE = 'keys must be 1–40 letters, digits, "_", ".", ":" or "-"';

/** A key of a free-form map: 1–40 characters of letters, digits, `_`, `.`, `:` or `-`. */
export const MapKey = z
  .string()
  .regex(MAP_KEY_PATTERN, MAP_KEY_MESSAGE)
  .refine((key) => !FORBIDDEN_KEYS.has(key), 'this key name is reserved');
