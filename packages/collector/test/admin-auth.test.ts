import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_FAILURES_PER_MINUTE } from '../src/http/auth.js';
import type { Logger } from '../src/logger.js';
import { ADMIN, harness, type Harness } from './harness.js';

const SUMMARY = '/v1/reports/summary?site=shop&survey=nps-web';
let h: Harness;
afterEach(async () => {
  await h.close();
});

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info() {}, error() {}, warn: (message) => warnings.push(message) };
}

const from = (ip: string, token: string) => ({ headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': ip } });

describe('admin token guessing', () => {
  it('answers 429 to an address past 10 failures a minute, even with the right token, until the minute ends', async () => {
    const logger = recordingLogger();
    h = harness({ trustProxy: true, logger });
    h.clock.now = new Date('2026-11-23T12:00:15.000Z');
    for (let i = 0; i < ADMIN_FAILURES_PER_MINUTE; i++) {
      expect((await h.app.request(SUMMARY, from('203.0.113.7', `guess-${i}`))).status).toBe(401);
    }
    expect(logger.warnings).toEqual([`admin: 10 failed requests from 203.0.113.7 this minute; refusing it until the minute ends`]);
    for (const token of ['guess-again', ADMIN]) {
      const res = await h.app.request(SUMMARY, from('203.0.113.7', token));
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('45');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    }
    // Export and deletion are behind the same door.
    expect((await h.app.request('/v1/responses?site=shop&survey=nps-web', from('203.0.113.7', ADMIN))).status).toBe(429);
    expect((await h.app.request('/v1/respondents/anon-1', { method: 'DELETE', ...from('203.0.113.7', ADMIN) })).status).toBe(429);
    // Another address is not held back, and the guesser's refusals were not counted as more failures.
    expect((await h.app.request(SUMMARY, from('198.51.100.2', ADMIN))).status).toBe(200);
    h.clock.now = new Date('2026-11-23T12:01:00.000Z');
    expect((await h.app.request(SUMMARY, from('203.0.113.7', ADMIN))).status).toBe(200);
    expect(logger.warnings).toHaveLength(1);
  });

  it('counts only failures: an admin working all minute is never held back', async () => {
    h = harness({ trustProxy: true });
    for (let i = 0; i < 50; i++) expect((await h.app.request(SUMMARY, from('203.0.113.7', ADMIN))).status).toBe(200);
    for (let i = 0; i < ADMIN_FAILURES_PER_MINUTE; i++) expect((await h.app.request(SUMMARY, from('203.0.113.7', 'typo'))).status).toBe(401);
    expect((await h.app.request(SUMMARY, from('203.0.113.7', ADMIN))).status).toBe(429);
  });

  it('counts a client behind a proxy that adds ports as one address', async () => {
    h = harness({ trustProxy: true });
    for (let i = 0; i < ADMIN_FAILURES_PER_MINUTE; i++) await h.app.request(SUMMARY, from(`203.0.113.7:${40_000 + i}`, 'nope'));
    expect((await h.app.request(SUMMARY, from('203.0.113.7:50000', ADMIN))).status).toBe(429);
  });

  it('keeps admin failures apart from the ingest rate limit of the same address', async () => {
    h = harness({ trustProxy: true });
    for (let i = 0; i < ADMIN_FAILURES_PER_MINUTE; i++) await h.app.request(SUMMARY, from('203.0.113.7', 'nope'));
    const res = await h.post({ id: crypto.randomUUID(), site: 'limited', survey: 'nps', kind: 'nps', score: 9, locale: 'en', channel: 'web', answeredAt: '2026-11-20T10:00:00.000Z' }, { 'x-forwarded-for': '203.0.113.7' });
    expect(res.status).toBe(202);
  });
});
