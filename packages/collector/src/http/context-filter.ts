import { MapKey, StorableText } from '@koe/core';
import { z } from 'zod';
import type { Issue } from '@koe/core';

/** How many `context.<key>=<value>` pairs one query may filter on. */
export const MAX_CONTEXT_FILTERS = 5;

const PREFIX = 'context.';
// A context value as core stores it: at most 200 characters, and nothing PostgreSQL's text refuses (U+0000).
const ContextValue = StorableText.pipe(z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'));

/** Whether a query parameter is a context filter (`context.agentId`), which a route's schema leaves to parseContextFilter. */
export const isContextParam = (name: string): boolean => name.startsWith(PREFIX);

/**
 * The `context.<key>=<value>` parameters of a query as one map (`?context.agentId=aiko` → `{ agentId: 'aiko' }`):
 * only answers whose context holds every pair. Issues name each bad parameter: a key core would not store,
 * an empty or over-long value, or more than MAX_CONTEXT_FILTERS pairs.
 */
export function parseContextFilter(query: Readonly<Record<string, string>>): { context?: Record<string, string>; issues: Issue[] } {
  const issues: Issue[] = [];
  const context: Record<string, string> = {};
  const names = Object.keys(query).filter(isContextParam);
  if (names.length > MAX_CONTEXT_FILTERS) issues.push({ path: names[MAX_CONTEXT_FILTERS]!, message: `at most ${MAX_CONTEXT_FILTERS} context filters` });
  for (const name of names.slice(0, MAX_CONTEXT_FILTERS)) {
    const key = name.slice(PREFIX.length);
    if (!MapKey.safeParse(key).success) {
      issues.push({ path: name, message: 'not a context key: 1–40 letters, digits, "_", ".", ":" or "-", not a reserved name' });
      continue;
    }
    const value = ContextValue.safeParse(query[name]);
    if (!value.success) issues.push({ path: name, message: value.error.issues[0]?.message ?? 'invalid value' });
    // Defined, not assigned: a key named like an Object.prototype member stays a plain entry.
    else Object.defineProperty(context, key, { value: value.data, enumerable: true, writable: true, configurable: true });
  }
  return names.length > 0 && issues.length === 0 ? { context, issues } : { issues };
}
