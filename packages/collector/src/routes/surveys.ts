import type { Hono } from 'hono';
import { cors } from 'hono/cors';
import { Slug, type Site } from '@koe/core';
import type { AppDeps } from '../deps.js';
import { ApiError } from '../http/errors.js';
import { etagOf, ifNoneMatch } from '../http/etag.js';

/** How long browsers may reuse a site's surveys before revalidating them (the ETag makes that cheap). */
const CACHE_CONTROL = 'public, max-age=60';

/** GET /v1/sites/:site/surveys: the site's surveys for the widget, with CORS for its origins and an ETag. */
export function surveyRoutes(app: Hono, deps: AppDeps): void {
  const bodies = new WeakMap<Site, { json: string; etag: string }>();
  const bodyOf = (site: Site) => {
    let body = bodies.get(site);
    if (!body) {
      // A survey's case rule (its webhook URL and secret) is the operator's business, never a browser's.
      const json = JSON.stringify({ surveys: site.surveys.map(({ cases: _, ...survey }) => survey) });
      body = { json, etag: etagOf(json) };
      bodies.set(site, body);
    }
    return body;
  };

  app.use(
    '/v1/sites/:site/surveys',
    cors({
      origin: (origin, c) => {
        const entry = deps.sites().sites.get(c.req.param('site') ?? '');
        if (!entry || !origin || entry.origins.has(origin)) return entry && origin ? origin : null;
        deps.refusedOrigin(entry.site.key, origin);
        return null;
      },
      allowMethods: ['GET', 'HEAD'],
      exposeHeaders: ['ETag'],
      maxAge: 86_400,
    }),
  );
  app.get('/v1/sites/:site/surveys', (c) => {
    const key = c.req.param('site');
    const entry = Slug.safeParse(key).success ? deps.sites().sites.get(key) : undefined;
    if (!entry) throw new ApiError(404, 'not_found', `Unknown site "${key.slice(0, 64)}"`, [{ path: 'site', message: 'no site with this key in the configuration' }]);
    const { json, etag } = bodyOf(entry.site);
    c.header('Cache-Control', CACHE_CONTROL);
    c.header('ETag', etag);
    if (ifNoneMatch(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(json, 200);
  });
}

