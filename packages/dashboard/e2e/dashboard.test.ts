import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, startServer, type RunningServer } from '@koe/collector';

// The collector serves the BUILT dashboard (`pnpm test` builds first), exactly as `koe serve` does.
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const TOKEN = 'e2e-admin-token-0123456789';
const SECRET = 'e2e-site-secret-0123456789';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const chromiumPath = [process.env.KOE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
// CI demands the browser (a missing one fails there); elsewhere the specs skip without one.
const run = !!chromiumPath || !!process.env.KOE_REQUIRE_SERVICES;

const DAY = 86_400_000;
const now = Date.now();

/** 60 answers over the last 20 days: every fifth a detractor with a Japanese comment, two agents. */
function answers() {
  return Array.from({ length: 60 }, (_, i) => ({
    id: `0193a0b0-0000-7000-8000-${String(i).padStart(12, '0')}`,
    site: 'shop',
    survey: 'chat-nps',
    kind: 'nps',
    score: i % 5 === 0 ? 2 : i % 5 === 1 ? 7 : 10,
    ...(i % 5 === 0 ? { comment: `返品の手続きが分かりにくかった (${i})` } : {}),
    locale: i % 2 ? 'ja' : 'en',
    channel: 'chat',
    touchpoint: 'support',
    context: { agentId: i % 3 ? 'aiko' : 'ben' },
    answeredAt: new Date(now - (i % 20) * DAY - 3_600_000).toISOString(),
  }));
}

/**
 * A reverse proxy publishing `upstream` under /koe/ and stripping the prefix, as nginx's
 * `location /koe/ { proxy_pass http://127.0.0.1:8787/; }` does: anything else is 404. Keeps every path asked.
 */
async function prefixProxy(upstream: string) {
  const target = new URL(upstream);
  const asked: string[] = [];
  const proxy = createServer((req, res) => {
    asked.push(req.url!);
    if (!req.url!.startsWith('/koe/')) return void res.writeHead(404).end();
    const forward = request({ hostname: target.hostname, port: target.port, method: req.method, path: req.url!.slice('/koe'.length), headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    asked,
    close: () => {
      proxy.closeAllConnections();
      return new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

describe.runIf(run)('the dashboard in Chromium against a real collector', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'koe-dashboard-e2e-'));
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      db: join(dir, 'koe.db'),
      adminToken: TOKEN,
      widgetDir: false,
      dashboardDir: DIST,
      logger: silentLogger,
      config: { sites: [{ key: 'shop', name: 'つむぎ商店', secret: SECRET, surveys: [{ id: 'chat-nps', kind: 'nps', channel: 'chat', cases: {} }, { id: 'web-csat', kind: 'csat' }] }] },
    });
    // Stored through the public API, as a chat backend posts them.
    const posted = await fetch(`${server.url}/v1/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SECRET}` },
      body: JSON.stringify({ responses: answers() }),
    });
    expect(posted.status).toBe(202);
    browser = await chromium.launch({ executablePath: chromiumPath!, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh context (its own storage) on the dashboard, with every console message and CSP violation kept. */
  async function open(options: BrowserContextOptions = {}, url = `${server.url}/dashboard/`) {
    const context = await browser.newContext({ timezoneId: 'Asia/Tokyo', ...options });
    const problems: string[] = [];
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string }) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`)));
    const response = await page.goto(url);
    return { context, page, problems, response };
  }

  async function signIn(page: Page, token = TOKEN) {
    await page.fill('#koe-token', token);
    await page.click('form.sign-in button[type=submit]');
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const admin = (path: string): Promise<any> => fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } }).then((r) => r.json());

  it('signs in and shows the score the report API gives, with its interval and answers', async () => {
    const { context, page, problems, response } = await open({ locale: 'en-US' });
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    await signIn(page);
    const card = page.locator('[data-survey=chat-nps]');
    await card.locator('[data-score]').waitFor();
    const from = new Date(now - 30 * DAY).toISOString();
    const summary = await admin(`/v1/reports/summary?site=shop&survey=chat-nps&from=${from}&to=${new Date().toISOString()}`);
    expect(summary.n).toBe(60);
    const expected = `+${Math.round(summary.score)}`;
    expect(await card.locator('[data-score]').textContent()).toBe(expected);
    expect(await card.textContent()).toContain('60 answers');
    // Its backlog: every fifth answer is a detractor, and the survey's rule opens a case for each.
    await expect.poll(() => card.textContent()).toContain('12 open follow-up cases');
    expect(await page.locator('[data-survey=web-csat]').textContent()).not.toContain('follow-up');
    expect(await card.textContent()).toContain(`95% interval ${summary.ci.low.toFixed(1)} to ${summary.ci.high.toFixed(1)}`);
    // The other survey has no answers and says so.
    expect(await page.locator('[data-survey=web-csat]').textContent()).toContain('No answers in this period');
    // Trend: one dot per JST day with answers.
    await page.locator('svg.chart circle').first().waitFor();
    expect(await page.locator('svg.chart circle').count()).toBeGreaterThanOrEqual(19);
    // The token stays in this tab's sessionStorage, never in localStorage or a cookie.
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(TOKEN);
    expect(await page.evaluate(() => sessionStorage.getItem('koe-dashboard-token'))).toBe(TOKEN);
    expect((await context.cookies()).length).toBe(0);
    // A reload stays signed in and on the chosen survey (kept in the URL's fragment); a new context
    // (another tab or browser) must sign in again.
    await page.locator('[data-survey=web-csat]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#site=shop&survey=web-csat&days=30');
    await page.reload();
    await page.locator('[data-survey=chat-nps] [data-score]').waitFor();
    expect(await page.locator('[data-survey=web-csat]').getAttribute('aria-pressed')).toBe('true');
    const other = await open();
    expect(await other.page.locator('#koe-token').isVisible()).toBe(true);
    await other.context.close();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("downloads the period's answers as the collector's CSV", async () => {
    const { context, page } = await open({ locale: 'ja-JP', acceptDownloads: true });
    await signIn(page);
    await page.locator('[data-survey=chat-nps] [data-score]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV をダウンロード' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^koe-shop-chat-nps-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\ufeffid,site,survey,kind,score,category,comment')).toBe(true);
    // A header and the 60 answers, one line each (comments hold no line breaks).
    expect(text.trimEnd().split('\r\n')).toHaveLength(61);
    expect(text).toContain('返品の手続きが分かりにくかった (0)');
    // The browser's zone (Tokyo here) gives local-time columns after the UTC ones.
    const [header, first] = text.split('\r\n');
    expect(header!.endsWith(',answered_at,received_at,answered_at_local,received_at_local')).toBe(true);
    const [answeredAt, , answeredLocal] = first!.split(',').slice(-4);
    const tokyo = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    expect(answeredLocal).toBe(tokyo.format(new Date(answeredAt!)));
    await context.close();
  });

  it('refuses a wrong token', async () => {
    const { context, page } = await open({ locale: 'en-US' });
    await signIn(page, 'not-the-token-0000000000');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toBe('The collector refused this token.');
    await context.close();
  });

  it('breaks the score down by a context key', async () => {
    const { context, page } = await open({ locale: 'en-US' });
    await signIn(page);
    await page.getByRole('button', { name: 'Context key' }).click();
    await page.getByLabel('Context key (e.g. agentId)').fill('agentId');
    await page.getByRole('button', { name: 'Show' }).click();
    const rows = page.locator('[aria-labelledby=koe-breakdown] table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.allTextContents()).toEqual([expect.stringMatching(/^aiko40/), expect.stringMatching(/^ben20/)]);
    await context.close();
  });

  it("reads what respondents wrote, and only the detractors' reasons on demand", async () => {
    const { context, page } = await open({ locale: 'en-US' });
    await signIn(page);
    const panel = page.locator('[aria-labelledby=koe-comments]');
    await panel.locator('[data-comment]').first().waitFor();
    // Every fifth answer has a comment: 12 of the 60, all detractors, newest first.
    expect(await panel.locator('[data-comment]').count()).toBe(12);
    await panel.getByRole('button', { name: 'Promoter' }).click();
    await expect.poll(() => panel.textContent()).toContain('No comments in this period.');
    await panel.getByRole('button', { name: 'Detractor' }).click();
    await expect.poll(() => panel.locator('[data-comment]').count()).toBe(12);
    const texts = await panel.locator('[data-comment] blockquote').allTextContents();
    // Answers 0, 20 and 40 were given at the same moment: the later id comes first.
    expect(texts.slice(0, 3)).toEqual(['返品の手続きが分かりにくかった (40)', '返品の手続きが分かりにくかった (20)', '返品の手続きが分かりにくかった (0)']);
    expect(texts.every((t) => t.startsWith('返品の手続き'))).toBe(true);
    await context.close();
  });

  it('closes a case with a note, and the collector has it', async () => {
    const { context, page } = await open({ locale: 'en-US' });
    await signIn(page);
    const item = page.locator('[data-case]').first();
    await item.waitFor();
    // Every fifth answer is a detractor with a comment: 12 open cases.
    await expect.poll(() => page.locator('#koe-cases').textContent()).toBe('Follow-up cases · 12 open');
    const id = await item.getAttribute('data-case');
    await item.locator('summary').click();
    await item.getByLabel('Assignee').fill('佐藤');
    await item.getByLabel('Note').fill('お電話で返品方法をご案内しました');
    await item.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => item.locator('[role=status]').textContent()).toBe('Saved');
    await item.getByRole('button', { name: 'Close case' }).click();
    await expect.poll(() => item.locator('.status').textContent()).toBe('Closed');
    expect(await page.locator('#koe-cases').textContent()).toBe('Follow-up cases · 11 open');
    await expect.poll(() => page.locator('[data-survey=chat-nps]').textContent()).toContain('11 open follow-up cases');
    const { cases } = await admin('/v1/cases?site=shop&status=closed');
    expect(cases).toEqual([expect.objectContaining({ id, status: 'closed', assignee: '佐藤', note: 'お電話で返品方法をご案内しました' })]);
    await context.close();
  });

  it('fits a phone without scrolling sideways, and follows a link to another view', async () => {
    const { context, page } = await open({ locale: 'ja-JP', viewport: { width: 390, height: 844 } });
    await signIn(page);
    await page.locator('[data-survey=chat-nps] [data-score]').waitFor();
    await page.locator('[aria-labelledby=koe-trend] details summary').click();
    await page.locator('[aria-labelledby=koe-breakdown] table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    // A link to another view, in the same tab: the page shows what the fragment names.
    await page.evaluate(() => (location.hash = '#site=shop&survey=web-csat&days=90'));
    await expect.poll(() => page.locator('[data-survey=web-csat]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('select').nth(1).inputValue()).toBe('90');
    // A survey the site lacks gives way to the first one, in the fragment too.
    await page.evaluate(() => (location.hash = '#site=shop&survey=nope&days=90'));
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#site=shop&survey=chat-nps&days=90');
    await context.close();
  });

  it('works behind a proxy that publishes the collector under a path prefix', async () => {
    const proxy = await prefixProxy(server.url);
    try {
      // Without its slash, as a link might have it: the collector's relative redirect keeps the prefix.
      const { context, page, problems } = await open({ locale: 'en-US' }, `${proxy.url}/koe/dashboard`);
      expect(page.url()).toBe(`${proxy.url}/koe/dashboard/`);
      await signIn(page);
      await page.locator('[data-survey=chat-nps] [data-score]').waitFor();
      await page.locator('[data-case]').first().waitFor();
      // The page, its files and every API call stayed under the prefix.
      expect(proxy.asked).toEqual(expect.arrayContaining(['/koe/dashboard/', '/koe/dashboard/dashboard.js', '/koe/v1/sites']));
      expect(proxy.asked.filter((path) => !path.startsWith('/koe/'))).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await proxy.close();
    }
  });

  it('speaks Japanese to a Japanese browser', async () => {
    const { context, page, problems } = await open({ locale: 'ja-JP' });
    expect(await page.locator('label[for=koe-token]').textContent()).toBe('管理トークン');
    await signIn(page);
    const card = page.locator('[data-survey=chat-nps]');
    await card.locator('[data-score]').waitFor();
    expect(await card.textContent()).toContain('回答 60 件');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.getByRole('heading', { name: 'フォローアップ案件' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
