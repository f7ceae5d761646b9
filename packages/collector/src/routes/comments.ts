import type { Hono } from 'hono';
import { categoriesOf } from '@koe/core';
import type { AppDeps } from '../deps.js';
import { adminAuth, READ_ROLES } from '../http/auth.js';
import { invalidQuery } from '../http/errors.js';
import { parseQuery } from '../http/query.js';
import { CommentQuery, responseFilterOf } from '../reports/query.js';
import { decodeCommentCursor } from '../store/comments.js';

/** GET /v1/comments: what respondents wrote, newest first, a page at a time; by category to read detractors' reasons. */
export function commentRoutes(app: Hono, deps: AppDeps): void {
  app.get('/v1/comments', adminAuth(deps, READ_ROLES), async (c) => {
    const query = parseQuery(c, CommentQuery, { context: true });
    const entry = deps.sites().sites.get(query.site);
    if (!entry) throw invalidQuery([{ path: 'site', message: `no site "${query.site}" in the configuration` }]);
    const survey = entry.surveys.get(query.survey);
    if (!survey) throw invalidQuery([{ path: 'survey', message: `site "${query.site}" has no survey "${query.survey}"` }]);
    const allowed = categoriesOf(survey.kind);
    const wrong = query.category?.find((category) => !allowed.includes(category));
    if (wrong) throw invalidQuery([{ path: 'category', message: `${survey.kind} has no category "${wrong}": expected ${allowed.join(', ')}` }]);
    const filter = responseFilterOf(query);
    const before = query.before === undefined ? undefined : decodeCommentCursor(query.before);
    if (before === null) throw invalidQuery([{ path: 'before', message: 'not a cursor: give the `next` of the previous page' }]);
    const page = await deps.store.comments({
      ...filter,
      limit: query.limit,
      ...(query.category ? { categories: query.category } : {}),
      ...(before ? { before } : {}),
    });
    c.header('Cache-Control', 'no-store');
    return c.json(page);
  });
}
