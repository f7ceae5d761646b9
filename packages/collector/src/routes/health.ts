import type { Hono } from 'hono';
import type { AppDeps } from '../deps.js';

/** GET /health: 200 while the process serves requests (for load balancers and orchestrators). */
export function healthRoutes(app: Hono, deps: AppDeps): void {
  const started = deps.now().getTime();
  app.get('/health', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok', sites: deps.sites().sites.size, uptimeSeconds: Math.round((deps.now().getTime() - started) / 1000) });
  });
}
