import type { Context } from 'hono';
import { toIssues } from '@koe/core';
import type { z } from 'zod';
import { invalidQuery } from './errors.js';

/** Validates the query string with a zod schema; 400 naming each bad (or unknown) parameter. */
export function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw invalidQuery(toIssues(result.error));
  return result.data;
}
