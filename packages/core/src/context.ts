import { z } from 'zod';
import { util } from 'zod/v4/core';
import { FORBIDDEN_KEYS, MAP_KEY_MESSAGE, MAP_KEY_PATTERN } from './primitives.js';

/** Free-form context sent with an answer (conversation id, agent id, team…): ≤ 20 string entries. */
// One pass of plain code inside one zod schema, rather than z.record piped from a reserved-key pre-check:
// that chain cost the collector 6–8 µs of CPU per answer (measured in the server; about a tenth of
// ingesting one), for a map that holds one or two keys. zod's record also drops `__proto__` silently,
// which is why reserved keys are refused here by name. The map is copied first and the copy checked, so
// what comes out is what was checked (no getter read twice, no alias of the caller's object). The JSON
// Schema is given, as code has none (z.toJSONSchema needs `unrepresentable: 'any'` for the z.custom).
export const Context = z
  .custom<Record<string, string>>()
  .overwrite(copyOf)
  .superRefine((value, ctx) => checkContext(value, (message, key) => ctx.addIssue({ code: 'custom', message, ...(key === undefined ? {} : { path: [key] }) })))
  .meta({
    type: 'object',
    maxProperties: 20,
    propertyNames: { type: 'string', pattern: MAP_KEY_PATTERN.source, not: { enum: [...FORBIDDEN_KEYS] } },
    additionalProperties: { type: 'string', maxLength: 200 },
  });

/**
 * Reports each way `value` (a copy made by copyOf) breaks Context's rules: `key` names the entry, none
 * the map. Shared by the schema and by parseResponseFast.
 */
export function checkContext(value: unknown, report: (message: string, key?: string) => void): void {
  if (!util.isPlainObject(value)) {
    report(`Invalid input: expected record, received ${typeName(value)}`);
    return;
  }
  const keys = Object.keys(value);
  if (keys.length > 20) report('at most 20 keys');
  for (const key of keys) {
    const entry = (value as Record<string, unknown>)[key];
    if (FORBIDDEN_KEYS.has(key)) report('this key name is reserved', key);
    else if (!MAP_KEY_PATTERN.test(key)) report(`invalid key: ${MAP_KEY_MESSAGE}`, key);
    if (typeof entry !== 'string') report(`Invalid input: expected string, received ${typeName(entry)}`, key);
    // Characters are code points, as zod's max counts them: an emoji is one.
    else if (entry.length > 200 && util.codePointLength(entry) > 200) report('values must be at most 200 characters', key);
  }
}

/** A plain copy of a plain object's own enumerable string keys; anything else as it is (and then refused). */
export function copyOf(value: Record<string, string>): Record<string, string> {
  if (!util.isPlainObject(value)) return value;
  const copy: Record<string, string> = {};
  for (const key of Object.keys(value)) {
    // Defined, not assigned: assigning `__proto__` would set the copy's prototype and lose the key the check refuses.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: value[key], enumerable: true, writable: true, configurable: true });
    else copy[key] = value[key]!;
  }
  return copy;
}

const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
/** A string map. */
export type Context = z.infer<typeof Context>;
