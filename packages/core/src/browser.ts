// `@koe/core/browser`: the zod-free part of core (scales, categories, locale packs, localized survey
// texts), so a browser bundle that needs them never pulls zod's ~90 KB in by accident.
export { CATEGORIES, KINDS, SCALES, categoriesOf, categorize, isOnScale, scaleValues } from './scale-table.js';
export type { Category, Kind, Scale } from './scale-table.js';
export { en } from './locales/en.js';
export { ja } from './locales/ja.js';
export type { Messages } from './locales/messages.js';
export { LOCALES, localeDirection, resolveLocale } from './locales/resolve.js';
export type { Locale } from './locales/resolve.js';
export { localizeSurvey } from './localize.js';
export type { LocalizableSurvey, LocalizedSurvey } from './localize.js';
export { FORBIDDEN_KEYS, MAP_KEY_MESSAGE, MAP_KEY_PATTERN, SLUG_PATTERN } from './patterns.js';
