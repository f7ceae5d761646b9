import type { Context } from 'hono';
import { toIssues } from '@koe/core';
import type { z } from 'zod';
import { invalidQuery } from './errors.js';

/** Validates the query string with a zod schema; 400 naming each bad, unknown or repeated parameter. */
export function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  // Hono keeps the first of `site=a&site=b`: a report of site a for someone who meant b would be worse than an error.
  const repeated = Object.entries(c.req.queries())
    .filter(([, values]) => values.length > 1)
    .map(([name]) => ({ path: name, message: 'given more than once; give it once' }));
  if (repeated.length > 0) throw invalidQuery(repeated);
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw invalidQuery(toIssues(result.error));
  return result.data;
}
