import type { Context } from 'hono';
import { toIssues } from '@koe/core';
import type { z } from 'zod';
import { isContextParam, parseContextFilter } from './context-filter.js';
import { invalidQuery } from './errors.js';

/** Options of `parseQuery`. */
export interface ParseQueryOptions {
  /** Also accept `context.<key>=<value>` filters, returned as `contextFilter` (see parseContextFilter). */
  context?: boolean;
}

/** Validates the query string with a zod schema; 400 naming each bad, unknown or repeated parameter. */
export function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T>;
export function parseQuery<T extends z.ZodType>(c: Context, schema: T, options: { context: true }): z.output<T> & { contextFilter?: Record<string, string> };
export function parseQuery<T extends z.ZodType>(c: Context, schema: T, options: ParseQueryOptions = {}): z.output<T> & { contextFilter?: Record<string, string> } {
  // Hono keeps the first of `site=a&site=b`: a report of site a for someone who meant b would be worse than an error.
  const repeated = Object.entries(c.req.queries())
    .filter(([, values]) => values.length > 1)
    .map(([name]) => ({ path: name, message: 'given more than once; give it once' }));
  if (repeated.length > 0) throw invalidQuery(repeated);
  const query = c.req.query();
  if (!options.context) {
    const result = schema.safeParse(query);
    if (!result.success) throw invalidQuery(toIssues(result.error));
    return result.data as never;
  }
  const rest = Object.fromEntries(Object.entries(query).filter(([name]) => !isContextParam(name)));
  const result = schema.safeParse(rest);
  const { context, issues } = parseContextFilter(query);
  const all = [...(result.success ? [] : toIssues(result.error)), ...issues];
  if (all.length > 0 || !result.success) throw invalidQuery(all);
  return (context ? { ...(result.data as object), contextFilter: context } : result.data) as never;
}
