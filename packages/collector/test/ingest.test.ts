import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, harness, ORIGIN, SECRET, type Harness } from './harness.js';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(async () => {
  await h.close();
});

describe('POST /v1/responses', () => {
  it('stores one answer and answers 202 with the counts', async () => {
    const one = answer({ comment: 'とても良い', context: { conversationId: 'c1' }, respondent: { anonymousId: 'anon-1' } });
    const res = await h.post(one);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0 });
    // Only the headers that act on a JSON answer to a write: type, no sniffing, CORS.
    expect(Object.fromEntries(res.headers)).toEqual({
      'content-type': 'application/json',
      'x-content-type-options': 'nosniff',
      vary: 'Origin',
      'access-control-allow-origin': ORIGIN,
    });
    const stored = await h.stored();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ ...one, category: 'promoter', receivedAt: h.clock.now.toISOString() });
  });

  it('treats a retried id as a duplicate, stored once', async () => {
    const one = answer();
    expect(await (await h.post(one)).json()).toEqual({ accepted: 1, duplicates: 0 });
    const again = await h.post(one);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 1 });
    const capitals = await h.post({ ...one, id: one.id.toUpperCase() });
    expect(await capitals.json()).toEqual({ accepted: 0, duplicates: 1 });
    expect(await h.stored()).toHaveLength(1);
  });

  it('stores a batch of 100', async () => {
    const responses = Array.from({ length: 100 }, (_, i) => answer({ score: i % 11 }));
    const res = await h.post({ responses });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 100, duplicates: 0 });
    expect(await h.stored()).toHaveLength(100);
  });

  it('accepts text/plain JSON, as sendBeacon sends it', async () => {
    const res = await h.post(answer(), { 'content-type': 'text/plain;charset=UTF-8' });
    expect(res.status).toBe(202);
  });

  it('accepts a server-to-server post without Origin that carries the site secret', async () => {
    const res = await h.app.request('/v1/responses', {
      method: 'POST',
      body: JSON.stringify(answer({ survey: 'csat-chat', kind: 'csat', score: 5, channel: 'chat' })),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
    });
    expect(res.status).toBe(202);
    expect(await h.stored('csat-chat')).toHaveLength(1);
  });

  it("accepts a browser post from an allowed origin whatever token the page's own code added", async () => {
    const res = await h.post(answer(), { authorization: 'Bearer a-token-of-the-host-app' });
    expect(res.status).toBe(202);
    expect(await h.stored('nps-web')).toHaveLength(1);
  });

  it('answers CORS for the site origins, preflight included', async () => {
    const res = await h.post(answer());
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const preflight = await h.app.request('/v1/responses', {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    const stranger = await h.app.request('/v1/responses', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('exposes Retry-After on 429 and limits per IP and site', async () => {
    const limited = (ip: string) =>
      h.app.request(
        '/v1/responses',
        { method: 'POST', body: JSON.stringify(answer({ site: 'limited', survey: 'nps' })), headers: { 'content-type': 'text/plain', origin: ORIGIN } },
        { incoming: { socket: { remoteAddress: ip } } },
      );
    for (let i = 0; i < 3; i++) expect((await limited('10.0.0.1')).status).toBe(202);
    const refused = await limited('10.0.0.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Another address has its own budget, and a new minute resets it.
    expect((await limited('10.0.0.2')).status).toBe(202);
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    expect((await limited('10.0.0.1')).status).toBe(202);
  });

  it('applies the default limit of 120 per minute when a site sets none', async () => {
    const post = () =>
      h.app.request('/v1/responses', {
        method: 'POST',
        body: JSON.stringify(answer({ site: 'default-limit', survey: 'nps' })),
        headers: { 'content-type': 'application/json', origin: ORIGIN },
      });
    const statuses = [];
    for (let i = 0; i < 121; i++) statuses.push((await post()).status);
    expect(statuses.slice(0, 120).every((s) => s === 202)).toBe(true);
    expect(statuses[120]).toBe(429);
  });

  it('reads the client IP from X-Forwarded-For only behind a trusted proxy', async () => {
    await h.close();
    h = harness({ trustProxy: true });
    const post = (forwarded: string) =>
      h.app.request(
        '/v1/responses',
        { method: 'POST', body: JSON.stringify(answer({ site: 'limited', survey: 'nps' })), headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': forwarded } },
        { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
      );
    // The proxy appends the real address on the right; a client-written entry on the left changes nothing.
    for (let i = 0; i < 3; i++) expect((await post(`1.1.1.${i}, 203.0.113.7`)).status).toBe(202);
    expect((await post('9.9.9.9, 203.0.113.7')).status).toBe(429);
    expect((await post('203.0.113.8')).status).toBe(202);
  });
});
