import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, answer, harness, ORIGIN, SECRET, type Harness } from './harness.js';

// One app for the whole battery: every bad request must leave it serving and the stored answers untouched.
let h: Harness;
let baseline: string;
beforeAll(async () => {
  h = harness();
  await h.post({ responses: [answer({ comment: 'first' }), answer({ score: 3, comment: 'second' })] });
  baseline = JSON.stringify(await h.stored());
});
afterAll(async () => {
  await h.close();
});

const json = JSON.stringify;
const valid = () => answer();
const raw = (body: string, headers: Record<string, string> = {}) => ({ body, headers });

interface Case {
  name: string;
  request: { body: string | Uint8Array; headers?: Record<string, string> };
  status: number;
  code: string;
  /** Paths the error's issues must name. */
  paths?: string[];
}

const cases: Case[] = [
  { name: 'malformed JSON', request: raw('{"id": "abc", '), status: 400, code: 'invalid_json' },
  { name: 'an empty body', request: raw(''), status: 400, code: 'invalid_json' },
  { name: 'JSON null', request: raw('null'), status: 400, code: 'invalid_body' },
  { name: 'a JSON array', request: raw('[]'), status: 400, code: 'invalid_body' },
  { name: 'a JSON string', request: raw('"hello"'), status: 400, code: 'invalid_body' },
  { name: 'a score of the wrong type', request: raw(json({ ...valid(), score: '9' })), status: 400, code: 'invalid_body', paths: ['score'] },
  { name: 'a fractional score', request: raw(json({ ...valid(), score: 8.5 })), status: 400, code: 'invalid_body', paths: ['score'] },
  { name: 'an NPS score of 11', request: raw(json({ ...valid(), score: 11 })), status: 400, code: 'invalid_body', paths: ['score'] },
  { name: 'an NPS score of -1', request: raw(json({ ...valid(), score: -1 })), status: 400, code: 'invalid_body', paths: ['score'] },
  { name: 'a CSAT score of 0', request: raw(json(answer({ survey: 'csat-chat', kind: 'csat', score: 0 }))), status: 400, code: 'invalid_body', paths: ['score'] },
  { name: 'a score too large for a double', request: raw(json(valid()).replace('"score":9', '"score":1e400')), status: 400, code: 'invalid_body', paths: ['score'] },
  { name: 'an unknown key', request: raw(json({ ...valid(), admin: true })), status: 400, code: 'invalid_body', paths: ['admin'] },
  { name: 'a missing field', request: raw(json({ ...valid(), locale: undefined })), status: 400, code: 'invalid_body', paths: ['locale'] },
  { name: 'an id that is not a UUID', request: raw(json({ ...valid(), id: '1' })), status: 400, code: 'invalid_body', paths: ['id'] },
  { name: 'a bad date', request: raw(json({ ...valid(), answeredAt: 'yesterday' })), status: 400, code: 'invalid_body', paths: ['answeredAt'] },
  { name: 'a comment over 2,000 characters', request: raw(json({ ...valid(), comment: 'あ'.repeat(2001) })), status: 400, code: 'invalid_body', paths: ['comment'] },
  { name: 'a context value over 200 characters', request: raw(json({ ...valid(), context: { agent: 'x'.repeat(201) } })), status: 400, code: 'invalid_body', paths: ['context.agent'] },
  { name: 'a body over 64 KB', request: raw(json({ ...valid(), comment: 'x'.repeat(70_000) })), status: 413, code: 'payload_too_large' },
  { name: 'a body over 64 KB without Content-Length', request: { body: 'x'.repeat(70_000), headers: { 'transfer-encoding': 'chunked' } }, status: 413, code: 'payload_too_large' },
  { name: 'a batch of 0', request: raw(json({ responses: [] })), status: 400, code: 'invalid_body', paths: ['responses'] },
  { name: 'a batch of 101', request: raw(json({ responses: Array.from({ length: 101 }, () => valid()) })), status: 400, code: 'invalid_body', paths: ['responses'] },
  { name: 'a batch with one bad item', request: raw(json({ responses: [valid(), valid(), { ...valid(), score: 42 }] })), status: 400, code: 'invalid_body', paths: ['responses.2.score'] },
  { name: 'a batch mixing sites', request: raw(json({ responses: [valid(), answer({ site: 'limited', survey: 'nps' })] })), status: 400, code: 'invalid_body', paths: ['responses.1.site'] },
  { name: 'a __proto__ key at the top', request: raw(json(valid()).replace('{', '{"__proto__":{"admin":true},')), status: 400, code: 'invalid_body', paths: ['__proto__'] },
  { name: 'a __proto__ key in the context', request: raw(json(valid()).replace('{', '{"context":{"__proto__":"x"},')), status: 400, code: 'invalid_body', paths: ['context.__proto__'] },
  { name: 'a constructor key in the context', request: raw(json({ ...valid(), context: { constructor: 'x' } })), status: 400, code: 'invalid_body' },
  { name: 'a survey of the wrong kind', request: raw(json({ ...valid(), kind: 'csat', score: 5 })), status: 400, code: 'invalid_body', paths: ['kind'] },
  { name: 'deeply nested JSON', request: raw(`${'['.repeat(30_000)}${']'.repeat(30_000)}`), status: 400, code: 'invalid_body' },
  { name: 'an unknown site', request: raw(json(answer({ site: 'nope' }))), status: 403, code: 'forbidden', paths: ['site'] },
  { name: 'an unknown survey', request: raw(json(answer({ survey: 'nope' }))), status: 403, code: 'forbidden', paths: ['survey'] },
  { name: 'an unknown survey in a batch', request: raw(json({ responses: [valid(), answer({ survey: 'nope' })] })), status: 403, code: 'forbidden', paths: ['responses.1.survey'] },
  { name: 'a wrong origin', request: raw(json(valid()), { origin: 'https://evil.example' }), status: 403, code: 'forbidden' },
  { name: 'the null origin', request: raw(json(valid()), { origin: 'null' }), status: 403, code: 'forbidden' },
  { name: 'no origin and no secret', request: raw(json(valid()), { origin: '' }), status: 403, code: 'forbidden' },
  { name: 'no origin and a wrong secret', request: raw(json(valid()), { origin: '', authorization: 'Bearer wrong-secret-wrong-secret' }), status: 403, code: 'forbidden' },
  // A secret must not let another site's page in: a browser's Origin decides.
  { name: 'a wrong origin with the right secret', request: raw(json(valid()), { origin: 'https://evil.example', authorization: `Bearer ${SECRET}` }), status: 403, code: 'forbidden' },
  { name: 'the admin token as the site secret', request: raw(json(valid()), { origin: '', authorization: `Bearer ${ADMIN}` }), status: 403, code: 'forbidden' },
  { name: 'a form content type', request: raw(json(valid()), { 'content-type': 'application/x-www-form-urlencoded' }), status: 415, code: 'unsupported_media_type' },
  { name: 'an HTML content type', request: raw(json(valid()), { 'content-type': 'text/html' }), status: 415, code: 'unsupported_media_type' },
  // A string body would get text/plain by default, as in fetch; bytes go without any content type.
  { name: 'no content type', request: { body: new TextEncoder().encode(json(valid())), headers: { 'content-type': '' } }, status: 415, code: 'unsupported_media_type' },
];

describe('bad input to POST /v1/responses', () => {
  it.each(cases)('$name → $status', async ({ request, status, code, paths }) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', origin: ORIGIN, ...request.headers };
    for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
    const res = await h.app.request('/v1/responses', { method: 'POST', body: request.body as string, headers });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/json');
    const text = await res.text();
    // No stack trace or source path ever reaches a client.
    expect(text).not.toMatch(/\bat .+:\d+:\d+|\.ts\b|node_modules/);
    const body = JSON.parse(text) as { error: { code: string; message: string; issues?: { path: string }[] } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(0);
    for (const path of paths ?? []) expect(body.error.issues?.map((issue) => issue.path)).toContain(path);
    // Still serving, and nothing stored changed.
    expect(JSON.stringify(await h.stored())).toBe(baseline);
    const health = await h.app.request('/health');
    expect(health.status).toBe(200);
  });

  it('names every bad field at once', async () => {
    const res = await h.post({ ...valid(), score: 'x', locale: 1, extra: 1 });
    const body = (await res.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues.map((issue) => issue.path).sort()).toEqual(['extra', 'locale', 'score']);
  });

  it('still accepts a good answer after the battery', async () => {
    expect((await h.post(valid())).status).toBe(202);
    expect((await h.post(valid(), { origin: '', authorization: `Bearer ${SECRET}` })).status).toBe(202);
  });
});

describe('bad requests elsewhere', () => {
  it('answers unknown routes with JSON 404', async () => {
    const res = await h.app.request('/wp-admin.php');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /wp-admin.php' } });
  });

  it.each([
    ['no token', undefined],
    ['a wrong token', 'Bearer nope'],
    ['a token with a different case', `Bearer ${ADMIN.toUpperCase()}`],
    ['a basic credential', `Basic ${Buffer.from(`admin:${ADMIN}`).toString('base64')}`],
    ['the site secret', `Bearer ${SECRET}`],
  ])('refuses the admin API with %s → 401', async (_name, authorization) => {
    // A new minute per case: more than 10 failures a minute from one address get 429 (test/admin-auth.test.ts).
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    for (const path of ['/v1/reports/summary?site=shop&survey=nps-web', '/v1/responses?site=shop&survey=nps-web']) {
      const res = await h.app.request(path, { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    const deletion = await h.app.request('/v1/respondents/anon-1', { method: 'DELETE', headers: authorization ? { authorization } : {} });
    expect(deletion.status).toBe(401);
    expect(JSON.stringify(await h.stored())).not.toBe('[]');
  });
});
