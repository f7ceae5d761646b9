import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { createApp, SqliteStore, silentLogger, type StoredResponse } from '@koe/collector';
import { KoeConfig, type SurveyInput } from '@koe/core';

/** The README's snippet, byte for byte: fixtures include it inline, allowed by its CSP hash as a customer would. */
export const SNIPPET = 'window.koe=window.koe||function(){(koe.q=koe.q||[]).push(arguments)}';
/** The CSP source that allows the snippet. */
export const SNIPPET_HASH = `'sha256-${createHash('sha256').update(SNIPPET).digest('base64')}'`;

const here = fileURLToPath(new URL('.', import.meta.url));
/** The built widget the pages load (`pnpm build` first). */
export const WIDGET_DIST = join(here, '..', 'dist');
const FIXTURES = join(here, 'fixtures');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Chromium's path: KOE_CHROMIUM, then Debian's; undefined when there is none. */
export function chromiumPath(): string | undefined {
  return [process.env.KOE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
}

/** Whether browser specs run: Chromium is there, or CI demands it (then a missing one fails, never skips). */
export const browserAvailable = !!chromiumPath() || !!process.env.KOE_REQUIRE_SERVICES;

/** A site of the collector's config, without origins (the harness adds the fixture server's). */
export interface HarnessSite {
  key: string;
  name?: string;
  surveys: SurveyInput[];
}

/** Options of `startHarness`. */
export interface HarnessOptions {
  /** Sites the collector serves; default one site `shop` without surveys. */
  sites?: HarnessSite[];
  /**
   * Extra pages by path (`/chat.html`, or `/app/*` for every path under /app/), overriding files of
   * e2e/fixtures. Placeholders in pages and fixture files: `{{COLLECTOR}}` (the collector's origin),
   * `{{SNIPPET}}` (the inline stub script), `{{SITE}}` (the first site's key), `{{KOE}}` (the snippet plus
   * `<script async src="{{COLLECTOR}}/koe.js" data-site="{{SITE}}">`, what the README tells customers to paste).
   */
  fixtures?: Record<string, string>;
}

/** A browser context (its own storage, IndexedDB and network) with what its pages reported. */
export interface HarnessContext {
  context: BrowserContext;
  /** Opens a page of the fixture site at `path` and waits for its load event. */
  open(path: string): Promise<Page>;
  /** CSP violations (`securitypolicyviolation`) and uncaught page errors, from every page of the context. */
  violations: string[];
  /** Every console message of every page: the widget must never write any. */
  console: string[];
}

/** A running collector, fixture site and Chromium. */
export interface Harness {
  /** The collector's origin (also serving the built widget files). */
  collectorUrl: string;
  /** The fixture site's origin (strict CSP on every page). */
  siteUrl: string;
  browser: Browser;
  store: SqliteStore;
  /** A fresh browser context. */
  newContext(options?: BrowserContextOptions): Promise<HarnessContext>;
  /** A new page in a fresh context at `path` (shorthand). */
  newPage(path: string, options?: BrowserContextOptions): Promise<{ page: Page } & HarnessContext>;
  /** The stored answers of a survey. */
  responses(site: string, survey: string): Promise<StoredResponse[]>;
  /** Waits until the survey has at least `count` stored answers (default 1), then a little more to catch duplicates. */
  waitForResponses(site: string, survey: string, count?: number, timeoutMs?: number): Promise<StoredResponse[]>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

const listen = (server: Server) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

/** Starts a collector on SQLite (serving dist/), a fixture site with a strict CSP, and Chromium. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: set KOE_CHROMIUM or install /usr/bin/chromium');
  if (!existsSync(join(WIDGET_DIST, 'koe.js'))) throw new Error(`${WIDGET_DIST}/koe.js is missing: run \`pnpm build\` first`);
  const sites = options.sites ?? [{ key: 'shop', surveys: [] }];
  const pages = options.fixtures ?? {};
  let collectorUrl = '';
  let siteUrl = '';

  const render = (html: string) =>
    html
      .replaceAll('{{KOE}}', `<script>{{SNIPPET}}</script>\n<script async src="{{COLLECTOR}}/koe.js" data-site="{{SITE}}"></script>`)
      .replaceAll('{{SNIPPET}}', SNIPPET)
      .replaceAll('{{COLLECTOR}}', collectorUrl)
      .replaceAll('{{SITE}}', sites[0]?.key ?? 'shop');

  const siteServer = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const prefix = Object.keys(pages).find((key) => key.endsWith('*') && path.startsWith(key.slice(0, -1)));
    let body = pages[path] ?? (prefix ? pages[prefix] : undefined);
    // An extra page is typed by its path's extension like a file (a module script must be JavaScript).
    let type = TYPES[extname(path)] ?? TYPES['.html']!;
    if (body === undefined) {
      const file = join(FIXTURES, path.replace(/\.\.+/g, ''));
      if (!path.includes('..') && existsSync(file) && TYPES[extname(file)]) {
        body = readFileSync(file, 'utf8');
        type = TYPES[extname(file)]!;
      }
    }
    if (body === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      // What a careful customer serves: no 'unsafe-inline' anywhere, the snippet allowed by its hash.
      'Content-Security-Policy': `default-src 'self'; script-src 'self' ${collectorUrl} ${SNIPPET_HASH}; style-src 'self'; connect-src ${collectorUrl}; img-src 'self'`,
    });
    res.end(type === TYPES['.html'] ? render(body) : body);
  });
  siteUrl = `http://127.0.0.1:${await listen(siteServer)}`;

  const config = KoeConfig.parse({ sites: sites.map((s) => ({ name: s.key, ...s, origins: [siteUrl] })) });
  const store = new SqliteStore(':memory:');
  const app = createApp({ store, config, widgetDir: WIDGET_DIST, logger: silentLogger, rateLimitPerMinute: 0 });
  const collector: ServerType = await new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
  });
  // localhost, not 127.0.0.1: the collector must be a different origin from the site, as in production.
  collectorUrl = `http://localhost:${(collector.address() as AddressInfo).port}`;

  const browser = await chromium.launch({ executablePath, args: ARGS });

  const newContext = async (contextOptions: BrowserContextOptions = {}): Promise<HarnessContext> => {
    const context = await browser.newContext(contextOptions);
    const violations: string[] = [];
    const consoleMessages: string[] = [];
    await context.exposeBinding('__koeViolation', (_source, text: string) => void violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e: any) => {
        (window as unknown as { __koeViolation(t: string): void }).__koeViolation(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
      });
    });
    context.on('page', (page) => {
      page.on('console', (message) => {
        // Chromium itself logs each failed request (offline specs make some on purpose); that is the
        // browser's network log, not a console call by the page or the widget.
        if (/^Failed to load resource: net::/.test(message.text())) return;
        consoleMessages.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => void violations.push(`page error: ${error.message}`));
    });
    return {
      context,
      violations,
      console: consoleMessages,
      async open(path) {
        const page = await context.newPage();
        await page.goto(siteUrl + path);
        return page;
      },
    };
  };

  const responses = async (site: string, survey: string) => {
    const out: StoredResponse[] = [];
    for await (const response of store.responses({ site, survey })) out.push(response);
    return out;
  };

  return {
    collectorUrl,
    siteUrl,
    browser,
    store,
    newContext,
    async newPage(path, contextOptions) {
      const context = await newContext(contextOptions);
      return { ...context, page: await context.open(path) };
    },
    responses,
    async waitForResponses(site, survey, count = 1, timeoutMs = 15_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const found = await responses(site, survey);
        if (found.length >= count) {
          await new Promise((r) => setTimeout(r, 300));
          return responses(site, survey);
        }
        if (Date.now() > end) throw new Error(`expected ${count} answer(s) to ${site}/${survey}, found ${found.length} after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await browser.close().catch(() => {});
      await new Promise((r) => collector.close(() => r(undefined)));
      await new Promise((r) => siteServer.close(() => r(undefined)));
      await store.close();
    },
  };
}
