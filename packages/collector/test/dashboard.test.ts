import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { DASHBOARD_HEADERS } from '../src/routes/dashboard.js';
import { harness, type Harness } from './harness.js';

const SCRIPT = `export const mount = () => {}; ${'void 0;'.repeat(200)}`;
let h: Harness;
let dashboardDir: string;
let app: ReturnType<typeof createApp>;
beforeEach(() => {
  h = harness();
  dashboardDir = join(h.dir, 'dashboard-dist');
  mkdirSync(join(dashboardDir, 'assets'), { recursive: true });
  writeFileSync(join(dashboardDir, 'index.html'), '<!doctype html><title>koe dashboard</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(dashboardDir, 'assets', 'app.js'), SCRIPT);
  writeFileSync(join(dashboardDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(dashboardDir, '.env'), 'SECRET=1');
  mkdirSync(join(dashboardDir, '.git'));
  writeFileSync(join(dashboardDir, '.git', 'config'), 'SECRET=2');
  writeFileSync(join(h.dir, 'outside.txt'), 'TOP-SECRET-CONTENT');
  // Links inside the served directory: one to a file beside it, one out of it (to a file and to a folder).
  symlinkSync(join(dashboardDir, 'assets', 'app.css'), join(dashboardDir, 'linked.css'));
  symlinkSync(join(h.dir, 'outside.txt'), join(dashboardDir, 'leak.txt'));
  symlinkSync(h.dir, join(dashboardDir, 'up'));
  app = createApp({ store: h.store, config: { sites: [] }, dashboardDir });
});
afterEach(async () => {
  await h.close();
});

/** Whether a response carries every dashboard header (and nosniff, which every answer carries). */
function expectDashboardHeaders(res: Response, what: string): void {
  for (const [name, value] of Object.entries(DASHBOARD_HEADERS)) expect(res.headers.get(name), `${what}: ${name}`).toBe(value);
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
}

describe('the dashboard at /dashboard/', () => {
  it('serves index.html for /dashboard/ and redirects /dashboard there', async () => {
    const page = await app.request('/dashboard/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>koe dashboard</title>');
    expect(await (await app.request('/dashboard/index.html')).text()).toContain('<title>koe dashboard</title>');
    const redirect = await app.request('/dashboard');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('./dashboard/');
    // Relative, so a proxy publishing the collector under /koe/ sends the browser to /koe/dashboard/.
    expect(new URL(redirect.headers.get('location')!, 'https://example.com/koe/dashboard').href).toBe('https://example.com/koe/dashboard/');
    expect((await app.request('/dashboard?site=shop')).headers.get('location')).toBe('./dashboard/?site=shop');
    const folder = await app.request('/dashboard/assets');
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('./assets/');
  });

  it('serves scripts and styles with their types, compressed, revalidated by ETag', async () => {
    const js = await app.request('/dashboard/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe(SCRIPT);
    const css = await app.request('/dashboard/assets/app.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await (await app.request('/dashboard/linked.css')).text()).toBe('body{}');
    const gzip = await app.request('/dashboard/assets/app.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(SCRIPT);
    const cached = await app.request('/dashboard/assets/app.js', { headers: { 'if-none-match': js.headers.get('etag')! } });
    expect(cached.status).toBe(304);
    // A rebuilt dashboard is served at once: no-cache makes the browser ask, the new ETag answers.
    writeFileSync(join(dashboardDir, 'assets', 'app.js'), 'export const v2 = 1;');
    const rebuilt = await app.request('/dashboard/assets/app.js', { headers: { 'if-none-match': js.headers.get('etag')! } });
    expect(rebuilt.status).toBe(200);
    expect(await rebuilt.text()).toBe('export const v2 = 1;');
  });

  it('sends the strict CSP and the other dashboard headers on every answer of the directory: files, 304s, HEAD, redirects', async () => {
    const page = await app.request('/dashboard/');
    const js = await app.request('/dashboard/assets/app.js');
    const answers: [string, Response][] = [
      ['page', page],
      ['index.html', await app.request('/dashboard/index.html')],
      ['script', js],
      ['gzip', await app.request('/dashboard/assets/app.js', { headers: { 'accept-encoding': 'gzip' } })],
      ['HEAD', await app.request('/dashboard/', { method: 'HEAD' })],
      ['page 304', await app.request('/dashboard/', { headers: { 'if-none-match': page.headers.get('etag')! } })],
      ['script 304', await app.request('/dashboard/assets/app.js', { headers: { 'if-none-match': js.headers.get('etag')! } })],
      ['redirect', await app.request('/dashboard')],
      ['folder redirect', await app.request('/dashboard/assets')],
    ];
    expect(answers.map(([, res]) => res.status)).toEqual([200, 200, 200, 200, 200, 304, 304, 301, 301]);
    for (const [what, res] of answers) expectDashboardHeaders(res, what);
    const csp = page.headers.get('content-security-policy')!;
    // What keeps the token in the page: no inline or foreign script, no call to another origin, no framing.
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
  });

  it('serves no dotfile, nothing outside the directory, nothing a link leads to outside it', async () => {
    for (const path of [
      '/dashboard/.env',
      '/dashboard/.git/config',
      '/dashboard/%2egit/config',
      '/dashboard/../outside.txt',
      '/dashboard/%2e%2e/outside.txt',
      '/dashboard/assets/%2e%2e%2f%2e%2e%2foutside.txt',
      '/dashboard/assets/..%2f..%2foutside.txt',
      '/dashboard/%5c..%5coutside.txt',
      '/dashboard/nope.js',
      '/dashboard/leak.txt',
      '/dashboard/up/outside.txt',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      const text = await res.text();
      expect(JSON.parse(text).error.code, path).toBe('not_found');
      expect(text, path).not.toContain('SECRET');
    }
  });

  it('keeps its headers to itself: /examples served beside it gets none of them', async () => {
    const examplesDir = join(h.dir, 'examples');
    mkdirSync(examplesDir);
    writeFileSync(join(examplesDir, 'index.html'), '<!doctype html><title>Shop</title>');
    const both = createApp({ store: h.store, config: { sites: [] }, dashboardDir, staticDirs: { '/examples': examplesDir } });
    const example = await both.request('/examples/');
    expect(example.status).toBe(200);
    expect(example.headers.get('content-security-policy')).toBeNull();
    expect(example.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(example.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expectDashboardHeaders(await both.request('/dashboard/'), 'dashboard beside /examples');
  });

  it('answers 404 under /dashboard/ while the directory is missing (a build not made yet)', async () => {
    const unbuilt = createApp({ store: h.store, config: { sites: [] }, dashboardDir: join(h.dir, 'not-built') });
    const redirect = await unbuilt.request('/dashboard?site=shop');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('./dashboard/?site=shop');
    expectDashboardHeaders(redirect, 'redirect');
    const res = await unbuilt.request('/dashboard/');
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('not_found');
  });

  it('is not there without a dashboardDir', async () => {
    const plain = createApp({ store: h.store, config: { sites: [] } });
    for (const path of ['/dashboard', '/dashboard/', '/dashboard/index.html', '/dashboard/assets/app.js']) {
      const res = await plain.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await res.json()) as any).error).toMatchObject({ code: 'not_found', message: `No route GET ${path}` });
    }
  });
});
