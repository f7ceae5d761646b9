import type { Hono } from 'hono';
import { z } from 'zod';
import { StorableText, toIssues } from '@koe/core';
import type { AppDeps } from '../deps.js';
import { adminAuth } from '../http/auth.js';
import { ApiError } from '../http/errors.js';
import { parseQuery } from '../http/query.js';

/** A respondent id as the widget or a site sends it: an anonymous id or a user id. */
export const RespondentId = StorableText.pipe(z.string().min(1).max(200));

/** DELETE /v1/respondents/:id: erases every answer of an anonymous id or user id (privacy requests). */
export function respondentRoutes(app: Hono, deps: AppDeps): void {
  app.delete('/v1/respondents/:id', adminAuth(deps), async (c) => {
    // It takes no parameters: `?site=` or `?dryRun=true` would look as if they narrowed a deletion they do not.
    parseQuery(c, z.strictObject({}));
    const parsed = RespondentId.safeParse(c.req.param('id'));
    if (!parsed.success) {
      const issues = toIssues(parsed.error).map((issue) => ({ ...issue, path: 'id' }));
      throw new ApiError(400, 'invalid_query', `Invalid respondent id: ${issues[0]?.message ?? ''}`, issues);
    }
    const deleted = await deps.store.deleteRespondent(parsed.data);
    return c.json({ deleted });
  });
}
