import { realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Context, Hono } from 'hono';
import { FileCache } from '../static/files.js';
import { fileResponse } from '../static/respond.js';

/** Serves each directory of `dirs` (`{ '/examples': '/abs/path' }`) under its URL prefix, `index.html` for folders. */
export function staticRoutes(app: Hono, dirs: Readonly<Record<string, string>>): void {
  const cache = new FileCache();
  for (const [prefix, dir] of Object.entries(dirs)) serveDirectory(app, prefix, dir, { 'Cache-Control': 'no-cache' }, cache);
}

/** Serves the files under `dir` at `prefix` with `headers`, `index.html` for folders; never a dotfile or a file outside. */
export function serveDirectory(app: Hono, prefixInput: string, dir: string, headers: Readonly<Record<string, string>>, cache = new FileCache()): void {
  const prefix = `/${prefixInput.replace(/^\/+|\/+$/g, '')}`;
  const root = resolve(dir);
  // A redirect is an answer of the directory too: the dashboard's framing and referrer policies hold on it.
  const toFolder = (c: Context) => {
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    return c.redirect(folderLocation(c.req.url), 301);
  };
  app.get(`${prefix}/*`, async (c, next) => {
    const path = resolvePath(root, c.req.path.slice(prefix.length));
    if (path === undefined) return next();
    let target = path;
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      // Relative links in an index.html resolve against the URL, so a folder URL must end with a slash.
      if (!c.req.path.endsWith('/')) return toFolder(c);
      target = resolve(path, 'index.html');
    }
    // A symbolic link inside the directory may point anywhere (a deploy's shared folder, /etc): only
    // files whose real path is still under the directory's own real path are served.
    if (!(await inside(root, target))) return next();
    const file = await cache.get(target);
    if (!file) return next();
    return fileResponse(c, file, headers);
  });
  app.get(prefix, (c) => toFolder(c));
}

/**
 * Where a folder URL without its slash redirects: `./name/` and the query, relative to the request. A proxy
 * that publishes the collector under a path (`/koe/dashboard` arriving as `/dashboard`) thus sends the browser
 * to its own `/koe/dashboard/`, where an absolute `/dashboard/` would leave the prefix. `./` keeps a name
 * with a colon from reading as a scheme.
 */
export function folderLocation(requestUrl: string): string {
  const { pathname, search } = new URL(requestUrl);
  return `./${pathname.slice(pathname.lastIndexOf('/') + 1)}/${search}`;
}

/** The file a URL path names under `root`, or undefined when it is malformed or would leave `root`. */
function resolvePath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  // Dotfiles (.env, .git) are never served.
  if (decoded.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  const path = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  return path === root || path.startsWith(root + sep) ? path : undefined;
}

/** Whether `path`, symbolic links resolved, is under `root` (links resolved too); false when either is missing. */
async function inside(root: string, path: string): Promise<boolean> {
  const [realRoot, real] = await Promise.all([realpath(root).catch(() => undefined), realpath(path).catch(() => undefined)]);
  if (realRoot === undefined || real === undefined) return false;
  return real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}
