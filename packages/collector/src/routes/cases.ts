import type { Hono } from 'hono';
import { z } from 'zod';
import { CaseStatus, CaseUpdate, Slug, StorableText, toIssues } from '@koe/core';
import type { AppDeps } from '../deps.js';
import { adminAuth, READ_ROLES } from '../http/auth.js';
import { ApiError, invalidBody, invalidQuery } from '../http/errors.js';
import { parseJsonBody, readText } from '../http/body.js';
import { parseQuery } from '../http/query.js';
import { decodeCursor } from '../store/cases.js';

/** Query of GET /v1/cases. */
export const CaseQuery = z.strictObject({
  site: Slug,
  survey: Slug.optional(),
  status: CaseStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: StorableText.pipe(z.string().max(300)).optional().meta({ description: 'the `next` of the previous page' }),
});

/** The largest PATCH body accepted: a note of 5,000 characters fits well below it. */
const MAX_UPDATE_BYTES = 32 * 1024;

/** GET /v1/cases and PATCH /v1/cases/:id: the follow-up cases unhappy answers open, and their handling. */
export function caseRoutes(app: Hono, deps: AppDeps): void {
  app.get('/v1/cases', adminAuth(deps, READ_ROLES), async (c) => {
    const query = parseQuery(c, CaseQuery);
    const entry = deps.sites().sites.get(query.site);
    if (!entry) throw invalidQuery([{ path: 'site', message: `no site "${query.site}" in the configuration` }]);
    if (query.survey !== undefined && !entry.surveys.has(query.survey)) {
      throw invalidQuery([{ path: 'survey', message: `site "${query.site}" has no survey "${query.survey}"` }]);
    }
    const before = query.before === undefined ? undefined : decodeCursor(query.before);
    if (before === null) throw invalidQuery([{ path: 'before', message: 'not a cursor: give the `next` of the previous page' }]);
    const scope = {
      site: query.site,
      ...(query.survey !== undefined ? { survey: query.survey } : {}),
      ...(query.status !== undefined ? { status: query.status } : {}),
    };
    // The total is every page's: a team sees its backlog ("12 open") from the first page.
    const [page, total] = await Promise.all([deps.store.cases({ ...scope, limit: query.limit, ...(before ? { before } : {}) }), deps.store.countCases(scope)]);
    // Cases carry respondents' ids and comments: never kept by a browser's or a proxy's cache.
    c.header('Cache-Control', 'no-store');
    return c.json({ ...page, total });
  });

  app.patch('/v1/cases/:id', adminAuth(deps), async (c) => {
    parseQuery(c, z.strictObject({}));
    // Answer ids are stored in lowercase (core lowercases them), so a case id in capitals names the same case.
    const id = c.req.param('id').toLowerCase();
    if (id.length > 200 || !StorableText.safeParse(id).success) throw invalidQuery([{ path: 'id', message: 'not a case id: at most 200 characters of valid text' }]);
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') throw new ApiError(415, 'unsupported_media_type', 'Send the update as application/json');
    const body = parseJsonBody(await readText(c, MAX_UPDATE_BYTES, 'a case update holds at most a 5,000-character note'));
    const update = CaseUpdate.safeParse(body);
    if (!update.success) throw invalidBody(toIssues(update.error));
    const updated = await deps.store.updateCase(id, update.data, deps.now());
    if (!updated) throw new ApiError(404, 'not_found', `No case "${id.slice(0, 64)}"`, [{ path: 'id', message: 'no case with this id' }]);
    c.header('Cache-Control', 'no-store');
    return c.json(updated);
  });
}
