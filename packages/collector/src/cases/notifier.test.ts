import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KoeConfig, type KoeConfigInput, type SurveyResponse } from '@koe/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteIndexOf } from '../config/sites.js';
import { silentLogger, type Logger } from '../logger.js';
import { SqliteStore } from '../store/sqlite-store.js';
import { MAX_ATTEMPTS, retryDelayMs, startNotifier, type Notifier } from './notifier.js';

const SECRET = 'hook-secret-0123456789';
const config = (webhook?: { url: string; secret?: string }): KoeConfig =>
  KoeConfig.parse({
    sites: [{ key: 'shop', name: 'Shop', surveys: [{ id: 'chat', kind: 'csat', cases: webhook ? { webhook } : {} }] }],
  } satisfies KoeConfigInput);
const answer = (n: number, score = 1): SurveyResponse => ({
  id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
  site: 'shop',
  survey: 'chat',
  kind: 'csat',
  score,
  comment: '返金はまだですか',
  locale: 'ja',
  channel: 'chat',
  context: { agent: '田中' },
  answeredAt: '2026-12-06T00:00:00.000Z',
});

interface Call {
  url: string;
  headers: Record<string, string>;
  body: string;
}

let dir: string;
let store: SqliteStore;
let notifier: Notifier | undefined;
let clock: { now: Date };
let calls: Call[];
let replies: (number | Error)[];
let retryAfter: string | undefined;
let current: KoeConfig;
const warnings: string[] = [];
const logger: Logger = { ...silentLogger, warn: (message) => warnings.push(message) };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'koe-notifier-'));
  store = new SqliteStore(join(dir, 'koe.db'));
  clock = { now: new Date('2026-12-06T00:00:10.000Z') };
  calls = [];
  replies = [];
  retryAfter = undefined;
  warnings.length = 0;
  current = config({ url: 'https://hooks.example/koe', secret: SECRET });
});
afterEach(async () => {
  await notifier?.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const start = () =>
  (notifier = startNotifier({
    store,
    sites: siteIndexOf(() => current),
    clock: () => clock.now,
    logger,
    intervalMs: 60_000,
    fetch: (async (url: string, init: RequestInit) => {
      calls.push({ url, headers: init.headers as Record<string, string>, body: init.body as string });
      const reply = replies.shift() ?? 204;
      if (reply instanceof Error) throw reply;
      return new Response(null, { status: reply, headers: retryAfter && reply === 429 ? { 'Retry-After': retryAfter } : {} });
    }) as typeof fetch,
  }));
const open = (n: number, score = 1) => store.insert([answer(n, score)], new Date('2026-12-06T00:00:01.000Z'), [true]);
const state = async () => (await store.cases({ site: 'shop', limit: 10 })).cases.map((c) => [c.notification, c.notificationError]);
const later = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));

describe('the case notifier', () => {
  it('posts each new case once, signed, with a line for chat tools', async () => {
    await open(1);
    start();
    expect(await notifier!.poll()).toBe(1);
    expect(await notifier!.poll()).toBe(0);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.url).toBe('https://hooks.example/koe');
    expect(call!.headers['X-Koe-Delivery']).toBe(answer(1).id);
    expect(call!.headers['X-Koe-Signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(call!.body).digest('hex')}`);
    const body = JSON.parse(call!.body);
    expect(body).toMatchObject({
      type: 'case.opened',
      text: 'koe · shop/chat: CSAT 1 (dissatisfied), agent=田中: "返金はまだですか"',
      case: { id: answer(1).id, score: 1, category: 'dissatisfied', status: 'open', notification: 'pending' },
    });
    expect(await state()).toEqual([['delivered', null]]);
  });

  it('retries a failed call with a growing wait, then gives up and says why', async () => {
    await open(1);
    start();
    // What fetch throws: "fetch failed", with the reason in its cause.
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    replies = [500, refused, ...Array(MAX_ATTEMPTS).fill(503)];
    expect(await notifier!.poll()).toBe(1);
    expect(await state()).toEqual([['pending', 'HTTP 500']]);
    // Not due again before the wait is over.
    later(retryDelayMs(1) - 1);
    expect(await notifier!.poll()).toBe(0);
    later(1);
    expect(await notifier!.poll()).toBe(1);
    expect(await state()).toEqual([['pending', 'fetch failed: ECONNREFUSED']]);
    for (let attempt = 3; attempt <= MAX_ATTEMPTS; attempt++) {
      later(retryDelayMs(attempt - 1));
      expect(await notifier!.poll()).toBe(1);
    }
    expect(calls).toHaveLength(MAX_ATTEMPTS);
    expect(await state()).toEqual([['failed', 'HTTP 503']]);
    expect(warnings).toEqual([expect.stringContaining(`gave up announcing case ${answer(1).id} to hooks.example after ${MAX_ATTEMPTS} attempts: HTTP 503`)]);
    later(7 * 86_400_000);
    expect(await notifier!.poll()).toBe(0);
  });

  it('waits 30 s after the first failure, doubling up to 6 hours', () => {
    expect([1, 2, 3, 10, 11, 12].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 15_360_000, 21_600_000, 21_600_000]);
  });

  it('uses the webhook the configuration has at each attempt, and retries while this one has none', async () => {
    await open(1);
    await open(2);
    current = config({ url: 'https://new-hooks.example/koe' });
    start();
    await notifier!.poll();
    expect(calls.map((c) => c.url)).toEqual(['https://new-hooks.example/koe', 'https://new-hooks.example/koe']);
    expect(calls[0]!.headers['X-Koe-Signature']).toBeUndefined();
    // Another collector opened this one under a configuration this process has not loaded yet.
    await open(3);
    current = config();
    await notifier!.poll();
    expect(calls).toHaveLength(2);
    expect((await state())[0]).toEqual(['pending', "the survey has no case webhook in this collector's configuration"]);
    current = config({ url: 'https://new-hooks.example/koe' });
    later(retryDelayMs(1));
    await notifier!.poll();
    expect(calls).toHaveLength(3);
    expect((await state())[0]).toEqual(['delivered', null]);
  });

  it("waits as long as a rate-limited receiver's Retry-After asks, when that is longer", async () => {
    await open(1);
    start();
    replies = [429];
    retryAfter = '120';
    await notifier!.poll();
    later(retryDelayMs(1));
    expect(await notifier!.poll()).toBe(0);
    later(120_000 - retryDelayMs(1));
    expect(await notifier!.poll()).toBe(1);
    expect(await state()).toEqual([['delivered', null]]);
  });

  it('stops at once, aborting a slow call, and leaves what it had claimed due again', async () => {
    await open(1);
    await open(2);
    let started!: () => void;
    const calling = new Promise<void>((resolve) => (started = resolve));
    notifier = startNotifier({
      store,
      sites: siteIndexOf(() => current),
      clock: () => clock.now,
      logger,
      intervalMs: 60_000,
      // A receiver that never answers (within the 10 s timeout or at all): only the abort ends the call.
      fetch: ((_url: string, init: RequestInit) => {
        started();
        return new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
      }) as typeof fetch,
    });
    const polled = notifier.poll();
    await calling;
    const began = Date.now();
    await notifier.close();
    expect(Date.now() - began).toBeLessThan(1000);
    await polled;
    expect(await state()).toEqual([
      ['pending', 'the collector stopped before the webhook answered'],
      ['pending', 'the collector stopped before the webhook answered'],
    ]);
    expect((await store.claimNotifications(clock.now, later(60_000), 5)).length).toBe(2);
  });

  it('announces more than one poll takes, and never a case the rule did not open', async () => {
    for (let n = 1; n <= 45; n++) await open(n);
    await store.insert([answer(100, 5)], new Date('2026-12-06T00:00:01.000Z'), [null]);
    start();
    expect(await notifier!.poll()).toBe(45);
    expect(new Set(calls.map((c) => c.headers['X-Koe-Delivery'])).size).toBe(45);
  });
});
