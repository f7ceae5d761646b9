import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { siteIndexOf, type ConfigSource } from './config/sites.js';
import type { AppDeps } from './deps.js';
import { ApiError, errorResponse } from './http/errors.js';
import { originNotices } from './http/origin-notices.js';
import { RateLimiter, type SharedRateCounts } from './http/rate-limit.js';
import { securityHeaders } from './http/security-headers.js';
import { consoleLogger, type Logger } from './logger.js';
import { caseRoutes } from './routes/cases.js';
import { commentRoutes } from './routes/comments.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { exportRoutes } from './routes/export.js';
import { healthRoutes } from './routes/health.js';
import { ingestRoutes } from './routes/ingest.js';
import { openApiRoutes } from './routes/openapi.js';
import { reportRoutes } from './routes/reports.js';
import { respondentRoutes } from './routes/respondents.js';
import { siteRoutes } from './routes/sites.js';
import { staticRoutes } from './routes/static.js';
import { surveyRoutes } from './routes/surveys.js';
import { widgetRoutes } from './routes/widget.js';
import type { Store } from './store/store.js';

/** The default per-IP-and-site limit of POST /v1/responses, in requests per minute. */
export const DEFAULT_RATE_LIMIT = 120;

/** Options of `createApp`: the app's dependencies, injected so tests control them. */
export interface AppOptions {
  /** Where answers are stored and counted. */
  store: Store;
  /** The sites and surveys: a parsed `KoeConfig`, or a getter returning the current one (reloaded configs). */
  config: ConfigSource;
  /** The current time (default: the system clock). */
  clock?: () => Date;
  /** Bearer token of the admin routes (reports, export, deletion); without one they answer 401. */
  adminToken?: string;
  /** A read-only bearer token: the admin routes that read (reports, comments, export, sites, cases), not those that change data. */
  viewerToken?: string;
  /** Proxies in front of the collector whose `X-Forwarded-For` entries to trust: `true` = 1 (default 0). */
  trustProxy?: boolean | number;
  /** Requests per minute per IP and site on POST /v1/responses when a site sets none (default 120; 0: no limit). */
  rateLimitPerMinute?: number;
  /** The widget's build output (`koe.js`, `koe-ui.js`…), served at the root with CORS `*`. */
  widgetDir?: string;
  /** The dashboard's build output (`index.html`, scripts, styles), served at `/dashboard/`. */
  dashboardDir?: string;
  /** Extra directories to serve, by URL prefix: `{ '/examples': '/abs/path/examples' }`. */
  staticDirs?: Readonly<Record<string, string>>;
  /** Where errors are logged (default: stderr). */
  logger?: Logger;
}

/** Builds the collector's Hono app: ingest, surveys, reports, export, deletion, OpenAPI and static files. */
export function createApp(options: AppOptions): Hono {
  const now = options.clock ?? (() => new Date());
  let lastSyncError = -Infinity;
  const logger = options.logger ?? consoleLogger;
  const deps: AppDeps = {
    store: options.store,
    sites: siteIndexOf(options.config),
    now,
    logger,
    refusedOrigin: originNotices(logger, () => now().getTime()),
    adminToken: options.adminToken,
    viewerToken: options.viewerToken,
    trustedProxies: options.trustProxy === true ? 1 : typeof options.trustProxy === 'number' ? options.trustProxy : 0,
    defaultRateLimit: options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT,
    limiter: new RateLimiter(() => now().getTime(), {
      ...(options.store.exchangeRateCounts ? { shared: options.store as SharedRateCounts } : {}),
      onSyncError: (error) => {
        // At most one line a minute while the database is away: requests keep being counted here meanwhile.
        const at = Date.now();
        if (at - lastSyncError < 60_000) return;
        lastSyncError = at;
        deps.logger.warn(`rate limits: sharing counts failed, counting in this process meanwhile: ${error instanceof Error ? error.message : String(error)}`);
      },
    }),
  };

  const app = new Hono();
  // The ingest routes come first and build their answers with the security headers themselves: Hono runs
  // handlers in registration order, so the middleware below (which would cost the hottest route a Headers
  // object per request) never runs for them.
  ingestRoutes(app, deps);
  app.use(securityHeaders());

  healthRoutes(app, deps);
  surveyRoutes(app, deps);
  siteRoutes(app, deps);
  reportRoutes(app, deps);
  exportRoutes(app, deps);
  respondentRoutes(app, deps);
  commentRoutes(app, deps);
  caseRoutes(app, deps);
  openApiRoutes(app);
  if (options.widgetDir) widgetRoutes(app, options.widgetDir);
  if (options.dashboardDir) dashboardRoutes(app, options.dashboardDir);
  if (options.staticDirs) staticRoutes(app, options.staticDirs);

  app.notFound((c) => errorResponse(c, new ApiError(404, 'not_found', `No route ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(c, new ApiError(error.status, error.status === 413 ? 'payload_too_large' : 'invalid_body', error.message || 'Bad request'));
    }
    // The client gets a generic message; the operator gets the details.
    deps.logger.error(`${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return errorResponse(c, new ApiError(500, 'internal', 'Internal error; the collector logged the details'));
  });
  return app;
}
