import type { Hono } from 'hono';
import { z } from 'zod';
import { caseCategories, type Site } from '@koe/core';
import type { AppDeps } from '../deps.js';
import { adminAuth, READ_ROLES, roleOf } from '../http/auth.js';
import { parseQuery } from '../http/query.js';

/** One site as GET /v1/sites lists it: its surveys as the widget sees them, plus which answers open cases. */
export function siteListing(site: Site) {
  return {
    key: site.key,
    name: site.name,
    origins: site.origins,
    // The rule's webhook URL and secret stay in the config file: a dashboard needs only what opens a case.
    surveys: site.surveys.map(({ cases, ...survey }) => ({ ...survey, caseCategories: cases ? caseCategories({ kind: survey.kind, cases }) : [] })),
  };
}

/** GET /v1/sites (admin): every configured site and survey, so a dashboard or script can offer a choice. */
export function siteRoutes(app: Hono, deps: AppDeps): void {
  app.get('/v1/sites', adminAuth(deps, READ_ROLES), (c) => {
    parseQuery(c, z.strictObject({}));
    // An operator's view of the configuration: never kept by a browser's or a proxy's cache.
    c.header('Cache-Control', 'no-store');
    // The caller's role, so a dashboard offers case edits only to a token that may make them.
    const role = roleOf(c.req.header('authorization'), deps);
    return c.json({ sites: [...deps.sites().sites.values()].map((entry) => siteListing(entry.site)), role });
  });
}
