import { describe, expect, it } from 'vitest';
import { ApiFailure, createApi } from './api.js';

function recorder(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond(url, init);
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('createApi', () => {
  it('sends the token and the query, and reads the listing', async () => {
    const { calls, fetch } = recorder(() => json({ sites: [{ key: 'shop', name: 'Shop', surveys: [] }] }));
    const api = createApi({ token: 'tok', base: 'http://c', fetch });
    // A collector from before roles: its token is the admin's.
    expect(await api.sites()).toEqual({ sites: [{ key: 'shop', name: 'Shop', surveys: [] }], role: 'admin' });
    await api.summary({ site: 'shop', survey: 'nps', from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
    expect(calls[0]!.url).toBe('http://c/v1/sites');
    expect(new Headers(calls[0]!.init.headers).get('authorization')).toBe('Bearer tok');
    const url = new URL(calls[1]!.url);
    expect(url.pathname).toBe('/v1/reports/summary');
    expect(Object.fromEntries(url.searchParams)).toEqual({ site: 'shop', survey: 'nps', from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
  });

  it('sends a context filter as one context.<key> parameter per pair', async () => {
    const { calls, fetch } = recorder(() => json({ comments: [], next: null }));
    await createApi({ token: 't', fetch }).comments({ site: 's', survey: 'v', from: 'f', to: 't', context: { agentId: '田中', 'team.name': 'orders' }, limit: 20 });
    expect(Object.fromEntries(new URL(calls[0]!.url, 'http://x').searchParams)).toEqual({
      site: 's', survey: 'v', from: 'f', to: 't', 'context.agentId': '田中', 'context.team.name': 'orders', limit: '20',
    });
  });

  it('reads the breakdown total from X-Total-Count', async () => {
    const { fetch } = recorder(() => json([{ value: 'a', summary: {} }], 200, { 'X-Total-Count': '57' }));
    const result = await createApi({ token: 't', fetch }).breakdown({ site: 's', survey: 'v', from: 'f', to: 't', by: 'context.agentId', limit: 20 });
    expect(result.total).toBe(57);
    expect(result.rows).toHaveLength(1);
  });

  it('calls the collector serving the page, under the path prefix a proxy publishes it at', async () => {
    const { calls, fetch } = recorder(() => json({ sites: [] }));
    const before = location.href;
    try {
      history.replaceState(null, '', '/koe/dashboard/#site=shop');
      await createApi({ token: 't', fetch }).sites();
      history.replaceState(null, '', '/dashboard/');
      await createApi({ token: 't', fetch }).sites();
    } finally {
      history.replaceState(null, '', before);
    }
    expect(calls.map((call) => call.url)).toEqual(['/koe/v1/sites', '/v1/sites']);
  });

  it('patches a case as JSON, its id encoded', async () => {
    const { calls, fetch } = recorder(() => json({ id: 'a/b', status: 'closed' }));
    await createApi({ token: 't', fetch }).updateCase('a/b', { status: 'closed', note: '折り返し済み' });
    expect(calls[0]!.url).toBe('/v1/cases/a%2Fb');
    expect(calls[0]!.init.method).toBe('PATCH');
    expect(new Headers(calls[0]!.init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ status: 'closed', note: '折り返し済み' });
  });

  it("turns a refusal into an ApiFailure carrying the collector's message and first issue", async () => {
    const { fetch } = recorder(() => json({ error: { code: 'invalid_query', message: 'Invalid query', issues: [{ path: 'by', message: 'bad key' }] } }, 400));
    const failure = await createApi({ token: 't', fetch }).trend({ site: 's', survey: 'v', from: 'f', to: 't', interval: 'day', tz: 'UTC' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).status).toBe(400);
    expect((failure as ApiFailure).message).toBe('Invalid query (by: bad key)');
    expect((failure as ApiFailure).code).toBe('invalid_query');
  });

  it('names the status when the body is not JSON, and status 0 when the network fails', async () => {
    const html = recorder(() => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(createApi({ token: 't', fetch: html.fetch }).sites()).rejects.toMatchObject({ status: 502, message: 'HTTP 502 Bad Gateway', code: undefined });
    const down = recorder(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(createApi({ token: 't', fetch: down.fetch }).sites()).rejects.toMatchObject({ status: 0 });
  });
});
