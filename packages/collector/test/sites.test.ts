import { afterEach, describe, expect, it } from 'vitest';
import { KoeConfig, type KoeConfigInput } from '@koe/core';
import { CONFIG_INPUT, HOOK_SECRET, HOOK_URL, ORIGIN, SECRET, harness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('GET /v1/sites', () => {
  it('needs the admin token', async () => {
    h = harness();
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: 'Basic YWRtaW46YWRtaW4=' }];
    for (const headers of attempts) {
      const res = await h.app.request('/v1/sites', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="koe"');
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'unauthorized' } });
      expect(text).not.toContain('shop');
    }
  });

  it('answers 401 to everyone when the collector has no admin token', async () => {
    h = harness({ adminToken: undefined });
    const res = await h.admin('/v1/sites');
    expect(res.status).toBe(401);
    const { error } = (await res.json()) as any;
    // A code of its own, so a client can tell "no token can help" from "wrong token".
    expect(error.code).toBe('admin_disabled');
    expect(error.message).toContain('KOE_ADMIN_TOKEN');
  });

  it('lists every site and survey, with the categories that open cases', async () => {
    h = harness();
    const res = await h.admin('/v1/sites');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const { sites } = (await res.json()) as any;
    expect(sites.map((s: any) => [s.key, s.name, s.origins, s.surveys.map((survey: any) => survey.id)])).toEqual([
      ['shop', 'Shop', [ORIGIN, 'http://localhost:5173'], ['nps-web', 'csat-chat', 'ces-support']],
      ['limited', 'Limited', [ORIGIN], ['nps']],
      ['default-limit', 'Default limit', [ORIGIN], ['nps']],
    ]);
    // A rule's own categories; the kind's lowest for a rule without any; none without a rule.
    expect(sites[0].surveys.map((s: any) => [s.id, s.caseCategories])).toEqual([
      ['nps-web', ['detractor']],
      ['csat-chat', ['dissatisfied', 'neutral']],
      ['ces-support', []],
    ]);
    expect(sites[1].surveys[0].caseCategories).toEqual([]);
    // Each survey is what the widget gets from the public route, plus its case categories.
    const { surveys } = (await (await h.app.request('/v1/sites/shop/surveys')).json()) as any;
    expect(sites[0].surveys.map(({ caseCategories: _, ...survey }: any) => survey)).toEqual(surveys);
    expect(sites[0].surveys[0]).toMatchObject({ kind: 'nps', question: { ja: '友人に薦める可能性は?' }, throttle: { recontactDays: 90, sampleRate: 1 }, channel: 'web' });
  });

  it('never shows a case webhook or a site secret', async () => {
    h = harness();
    const text = await (await h.admin('/v1/sites')).text();
    for (const hidden of [HOOK_URL, 'hooks.shop.example', HOOK_SECRET, SECRET, 'webhook', '"cases"', '"secret"']) expect(text, hidden).not.toContain(hidden);
  });

  it('sends no CORS headers: no other origin may read it', async () => {
    h = harness();
    const res = await h.admin('/v1/sites', { headers: { origin: ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await h.app.request('/v1/sites', { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('takes no query parameters: 400 naming each', async () => {
    h = harness();
    const issues = async (query: string) => {
      const res = await h.admin(`/v1/sites?${query}`);
      const body = (await res.json()) as any;
      return [res.status, body.error?.code, body.error?.issues?.map((i: any) => i.path)];
    };
    expect(await issues('x=1')).toEqual([400, 'invalid_query', ['x']]);
    // A filter it does not have is refused rather than ignored: the caller would take the whole list for the site's.
    expect(await issues('site=shop')).toEqual([400, 'invalid_query', ['site']]);
    expect(await issues('x=1&x=2')).toEqual([400, 'invalid_query', ['x']]);
  });

  it('follows a reloaded config', async () => {
    let current = KoeConfig.parse(CONFIG_INPUT);
    h = harness({ config: () => current });
    const keys = async () => ((await (await h.admin('/v1/sites')).json()) as any).sites.map((s: any) => s.key);
    expect(await keys()).toEqual(['shop', 'limited', 'default-limit']);
    const next: KoeConfigInput = {
      sites: [
        {
          key: 'support',
          name: 'Support desk',
          surveys: [
            { id: 'ces', kind: 'ces', cases: { webhook: { url: 'https://hooks.support.example/new', secret: 'support-hook-secret-0123' } } },
            { id: 'csat', kind: 'csat', cases: {} },
          ],
        },
      ],
    };
    current = KoeConfig.parse(next);
    const res = await h.admin('/v1/sites');
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      sites: [
        {
          key: 'support',
          name: 'Support desk',
          origins: [],
          surveys: [
            { id: 'ces', kind: 'ces', throttle: { recontactDays: 90, sampleRate: 1 }, channel: 'web', caseCategories: ['difficult'] },
            { id: 'csat', kind: 'csat', throttle: { recontactDays: 90, sampleRate: 1 }, channel: 'web', caseCategories: ['dissatisfied'] },
          ],
        },
      ],
      role: 'admin',
    });
    expect(text).not.toContain('hooks.support.example');
    expect(text).not.toContain('support-hook-secret');
  });
});
