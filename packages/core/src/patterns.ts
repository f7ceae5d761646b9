// The rules as plain values, without zod, so browser code (the widget, the dashboard) can check input as the
// schemas will, without bundling zod.

/** What a site or survey identifier must match. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** What a language tag must match, and its longest length. */
export const LOCALE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
export const LOCALE_MAX = 35;

/** Keys that would reach Object.prototype when a parsed map is copied with plain assignment. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** What a key of a free-form map must match. */
export const MAP_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,40}$/;
/** Why a key that does not match MAP_KEY_PATTERN is refused. */
export const MAP_KEY_MESSAGE = 'keys must be 1–40 letters, digits, "_", ".", ":" or "-"';
