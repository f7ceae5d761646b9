import { FORBIDDEN_KEYS, MAP_KEY_PATTERN } from '@koe/core/browser';

/**
 * Core's context-key rule as an input's `pattern`: browsers anchor it themselves and compile it with the
 * `v` flag, where a `-` in a class must be escaped.
 */
export const KEY_PATTERN = MAP_KEY_PATTERN.source.slice(1, -1).replace('-]', '\\-]');

/** Whether a context key is one the collector accepts: core's pattern, and none of the keys it reserves. */
export function isContextKey(key: string): boolean {
  return MAP_KEY_PATTERN.test(key) && !FORBIDDEN_KEYS.has(key);
}
