import { join, resolve } from 'node:path';
import type { Hono } from 'hono';
import { FileCache } from '../static/files.js';
import { fileResponse } from '../static/respond.js';

// Short enough that a new widget release reaches every page within minutes; the ETag keeps revalidation cheap.
const CACHE_CONTROL = 'public, max-age=300';

/** Serves the widget's built files (`/koe.js`, `/koe-ui.js`, locale chunks…) from `dir` to any site. */
export function widgetRoutes(app: Hono, dir: string): void {
  const root = resolve(dir);
  const cache = new FileCache();
  // The name pattern keeps requests inside the directory: no slash, no "..", only koe*.js and their maps.
  app.get('/:file{koe[A-Za-z0-9_.-]*\\.js(\\.map)?}', async (c, next) => {
    const name = c.req.param('file');
    if (name.includes('..')) return next();
    const file = await cache.get(join(root, name));
    if (!file) return next();
    return fileResponse(c, file, {
      'Cache-Control': CACHE_CONTROL,
      // Any site may load the script, from a <script> tag or a dynamic import() (which needs CORS).
      'Access-Control-Allow-Origin': '*',
    });
  });
}
