import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KoeConfig, type KoeConfigInput, type SurveyResponse } from '@koe/core';
import { createApp, type AppOptions } from '../src/app.js';
import { silentLogger, type Logger } from '../src/logger.js';
import { SqliteStore } from '../src/store/index.js';
import type { Store } from '../src/store/store.js';

/** The origin the test site allows. */
export const ORIGIN = 'https://shop.example';
/** The test site's server-to-server secret. */
export const SECRET = 'site-secret-0123456789';
/** Where the test site's chat survey announces its cases, and the secret it signs them with. */
export const HOOK_URL = 'https://hooks.shop.example/koe';
/** See HOOK_URL. */
export const HOOK_SECRET = 'hook-secret-0123456789';
/** The admin token of test apps. */
export const ADMIN = 'admin-token-abcdefghijklmnop';

/** A config with one open site (no rate limit), and one limited to 3 requests per minute. */
export const CONFIG_INPUT: KoeConfigInput = {
  sites: [
    {
      key: 'shop',
      name: 'Shop',
      origins: [ORIGIN, 'http://localhost:5173'],
      secret: SECRET,
      rateLimit: { perMinute: 0 },
      surveys: [
        // Detractors open a follow-up case; dissatisfied and neutral chats open one announced by webhook.
        { id: 'nps-web', kind: 'nps', question: { en: 'How likely are you to recommend us?', ja: '友人に薦める可能性は?' }, cases: {} },
        {
          id: 'csat-chat',
          kind: 'csat',
          channel: 'chat',
          cases: { categories: ['dissatisfied', 'neutral'], webhook: { url: HOOK_URL, secret: HOOK_SECRET } },
        },
        { id: 'ces-support', kind: 'ces' },
      ],
    },
    { key: 'limited', name: 'Limited', origins: [ORIGIN], rateLimit: { perMinute: 3 }, surveys: [{ id: 'nps', kind: 'nps' }] },
    { key: 'default-limit', name: 'Default limit', origins: [ORIGIN], surveys: [{ id: 'nps', kind: 'nps' }] },
  ],
};

/** A valid NPS answer for the shop site, with overrides. */
export function answer(overrides: Partial<SurveyResponse> & Record<string, unknown> = {}): SurveyResponse {
  return {
    id: randomUUID(),
    site: 'shop',
    survey: 'nps-web',
    kind: 'nps',
    score: 9,
    locale: 'en',
    channel: 'web',
    answeredAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  } as SurveyResponse;
}

/** A test app on a real SQLite file in a temporary directory, with a settable clock. */
export interface Harness {
  app: ReturnType<typeof createApp>;
  store: Store;
  dir: string;
  clock: { now: Date };
  /** POSTs a JSON body to /v1/responses from the allowed origin (override headers to change that). */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** GETs an admin route with the admin token. */
  admin(path: string, init?: RequestInit): Promise<Response>;
  /** Every stored answer of a survey, via the export route. */
  stored(survey?: string, site?: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Builds a harness on a fresh SQLite file (or the given store, closed with the harness); options override createApp's. */
export function harness(options: Partial<AppOptions> & { logger?: Logger } = {}): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'koe-collector-test-'));
  const store = options.store ?? new SqliteStore(join(dir, 'koe.db'));
  const clock = { now: new Date('2026-11-23T12:00:00.000Z') };
  const app = createApp({
    store,
    config: KoeConfig.parse(CONFIG_INPUT),
    clock: () => clock.now,
    adminToken: ADMIN,
    logger: silentLogger,
    ...options,
  });
  const admin = async (path: string, init: RequestInit = {}) =>
    await app.request(path, { ...init, headers: { authorization: `Bearer ${ADMIN}`, ...(init.headers as Record<string, string>) } });
  return {
    app,
    store,
    dir,
    clock,
    admin,
    post: async (body, headers = {}) =>
      await app.request('/v1/responses', {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        // An empty value drops the header: `{ origin: '' }` posts as a server would, without Origin.
        headers: Object.fromEntries(Object.entries({ 'content-type': 'application/json', origin: ORIGIN, ...headers }).filter(([, value]) => value !== '')),
      }),
    async stored(survey = 'nps-web', site = 'shop') {
      const res = await admin(`/v1/responses?site=${site}&survey=${survey}&format=ndjson`);
      if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
      const text = await res.text();
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
