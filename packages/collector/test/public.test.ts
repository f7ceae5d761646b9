import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, harness, ORIGIN, type Harness } from './harness.js';

let h: Harness;
let widgetDir: string;
let examplesDir: string;
beforeEach(() => {
  h = harness();
  widgetDir = join(h.dir, 'widget-dist');
  examplesDir = join(h.dir, 'examples');
  mkdirSync(widgetDir);
  mkdirSync(join(examplesDir, 'website'), { recursive: true });
  writeFileSync(join(widgetDir, 'koe.js'), `/* loader */ ${'void 0;'.repeat(200)}`);
  writeFileSync(join(widgetDir, 'koe-ui.js'), 'export const render = () => {};');
  writeFileSync(join(widgetDir, 'koe-locale-ja.js'), 'export default {};');
  writeFileSync(join(widgetDir, 'index.js'), 'export const npm = 1;');
  writeFileSync(join(examplesDir, 'website', 'index.html'), '<!doctype html><title>Shop</title>');
  writeFileSync(join(examplesDir, 'website', 'app.css'), 'body{}');
  writeFileSync(join(examplesDir, '.env'), 'SECRET=1');
  writeFileSync(join(h.dir, 'outside.txt'), 'TOP-SECRET-CONTENT');
  // Links inside the served directory: one to a file beside it, one out of it (to a file and to a folder).
  symlinkSync(join(examplesDir, 'website', 'app.css'), join(examplesDir, 'linked.css'));
  symlinkSync(join(h.dir, 'outside.txt'), join(examplesDir, 'leak.txt'));
  symlinkSync(h.dir, join(examplesDir, 'up'));
});
afterEach(async () => {
  await h.close();
});

describe('GET /health and /openapi.json', () => {
  it('reports health', async () => {
    const res = await h.app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', sites: 3 });
  });

  it('describes every route, with schemas generated from zod', async () => {
    const res = await h.app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as any;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/health', '/koe.js', '/openapi.json', '/v1/cases', '/v1/comments', '/v1/cases/{id}', '/v1/reports/breakdown', '/v1/reports/summary', '/v1/reports/trend', '/v1/respondents/{id}', '/v1/responses', '/v1/sites', '/v1/sites/{site}/surveys'].sort(),
    );
    const response = doc.components.schemas.SurveyResponse;
    expect(response.required).toEqual(expect.arrayContaining(['id', 'site', 'survey', 'kind', 'score', 'locale', 'channel', 'answeredAt']));
    expect(response.properties.channel.enum).toEqual(['web', 'chat', 'email', 'sms', 'app', 'other']);
    expect(response.additionalProperties).toBe(false);
    expect(doc.components.schemas.ResponseBatch.properties.responses.maxItems).toBe(100);
    const trend = doc.paths['/v1/reports/trend'].get.parameters.map((p: { name: string }) => p.name);
    expect(trend).toEqual(expect.arrayContaining(['site', 'survey', 'from', 'to', 'interval', 'tz']));
    const exportParameters = doc.paths['/v1/responses'].get.parameters.map((p: { name: string }) => p.name);
    expect(exportParameters).toEqual(expect.arrayContaining(['tz', 'format', 'context']));
    const by = doc.paths['/v1/reports/breakdown'].get.parameters.find((p: { name: string }) => p.name === 'by');
    expect(by.required).toBe(true);
    expect(Object.keys(doc.paths['/v1/responses'].post.responses)).toEqual(['202', '400', '403', '413', '415', '429', '503']);
    // Cases: generated from core's schemas; the public survey schema leaves the case rule out.
    expect(doc.components.schemas.FollowUpCase.properties.status.enum).toEqual(['open', 'closed']);
    expect(doc.components.schemas.CaseUpdate.additionalProperties).toBe(false);
    expect(doc.paths['/v1/cases'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['site', 'survey', 'status', 'limit', 'before']);
    expect(doc.components.schemas.Survey.properties.cases).toBeUndefined();
    // The site listing: admin, no parameters, and a schema that the route's real answer fits.
    const sites = doc.paths['/v1/sites'].get;
    expect(sites.security).toEqual([{ admin: [] }]);
    expect(sites.parameters).toBeUndefined();
    expect(Object.keys(sites.responses)).toEqual(['200', '400', '401', '429']);
    const { ListedSurvey, SiteListing } = doc.components.schemas;
    expect(ListedSurvey.properties.cases).toBeUndefined();
    expect(ListedSurvey.properties.caseCategories.items.enum).toEqual(expect.arrayContaining(['detractor', 'dissatisfied', 'difficult']));
    expect(ListedSurvey.required).toEqual(expect.arrayContaining(['id', 'kind', 'caseCategories']));
    const listing = ((await (await h.admin('/v1/sites')).json()) as any).sites;
    for (const site of listing) {
      expect(Object.keys(site).sort()).toEqual(Object.keys(SiteListing.properties).sort());
      for (const survey of site.surveys) {
        expect(Object.keys(ListedSurvey.properties)).toEqual(expect.arrayContaining(Object.keys(survey)));
        expect(Object.keys(survey)).toEqual(expect.arrayContaining(ListedSurvey.required));
      }
    }
    // Comments: a page of stored answers, whose real fields the StoredAnswer schema names.
    expect(doc.paths['/v1/comments'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['site', 'survey', 'from', 'to', 'category', 'limit', 'before']),
    );
    const { StoredAnswer } = doc.components.schemas;
    expect(StoredAnswer.required).toEqual(expect.arrayContaining(['id', 'score', 'category', 'receivedAt']));
    await h.post(answer({ comment: 'Good', context: { plan: 'pro' }, touchpoint: 'checkout' }));
    const [stored] = ((await (await h.admin('/v1/comments?site=shop&survey=nps-web&from=2026-11-01')).json()) as any).comments;
    expect(Object.keys(StoredAnswer.properties)).toEqual(expect.arrayContaining(Object.keys(stored)));
  });
});

describe('GET /v1/sites/:site/surveys', () => {
  it('serves the surveys with CORS for the site origins, an ETag and 304', async () => {
    const res = await h.app.request('/v1/sites/shop/surveys', { headers: { origin: ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('vary')).toContain('Origin');
    const body = (await res.json()) as any;
    expect(body.surveys.map((s: { id: string }) => s.id)).toEqual(['nps-web', 'csat-chat', 'ces-support']);
    expect(body.surveys[0]).toMatchObject({ kind: 'nps', question: { ja: '友人に薦める可能性は?' }, throttle: { recontactDays: 90, sampleRate: 1 } });
    expect(JSON.stringify(body)).not.toContain('site-secret');
    const etag = res.headers.get('etag')!;
    const again = await h.app.request('/v1/sites/shop/surveys', { headers: { origin: ORIGIN, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    const stranger = await h.app.request('/v1/sites/shop/surveys', { headers: { origin: 'https://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("tells the operator, once an hour, about a browser origin the site does not list (the page only sees a CORS failure)", async () => {
    await h.close();
    const warnings: string[] = [];
    h = harness({ logger: { info() {}, error() {}, warn: (line) => warnings.push(line) } });
    const stranger = { origin: 'https://www.shop.example' };
    await h.app.request('/v1/sites/shop/surveys', { headers: stranger });
    await h.app.request('/v1/sites/shop/surveys', { method: 'OPTIONS', headers: { ...stranger, 'access-control-request-method': 'GET' } });
    const post = await h.app.request('/v1/responses', { method: 'POST', headers: { ...stranger, 'content-type': 'text/plain' }, body: JSON.stringify(answer()) });
    expect(post.status).toBe(403);
    expect(warnings).toEqual([expect.stringMatching(/^site "shop": refused a browser request from "https:\/\/www\.shop\.example", which is not one of its origins/)]);
    // The site's own origin, a request without one, and an unknown site say nothing.
    await h.app.request('/v1/sites/shop/surveys', { headers: { origin: ORIGIN } });
    await h.app.request('/v1/sites/shop/surveys');
    await h.app.request('/v1/sites/nope/surveys', { headers: stranger });
    h.clock.now = new Date(h.clock.now.getTime() + 3_600_000);
    await h.app.request('/v1/responses', { method: 'POST', headers: { ...stranger, 'content-type': 'text/plain' }, body: JSON.stringify(answer()) });
    expect(warnings).toHaveLength(2);
  });

  it('answers JSON 404 for an unknown site', async () => {
    const res = await h.app.request('/v1/sites/nope/surveys');
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('not_found');
  });
});

describe('widget files and static directories', () => {
  it('serves every koe*.js of the widget build with CORS, JS type, caching and compression', async () => {
    const app = (await import('../src/app.js')).createApp({ store: h.store, config: { sites: [] }, widgetDir });
    for (const name of ['koe.js', 'koe-ui.js', 'koe-locale-ja.js']) {
      const res = await app.request(`/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(res.headers.get('cache-control')).toBe('public, max-age=300');
      expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    }
    const plain = await app.request('/koe.js');
    const text = await plain.text();
    expect(text.startsWith('/* loader */')).toBe(true);
    const gzip = await app.request('/koe.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(text);
    const br = await app.request('/koe.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(text);
    const cached = await app.request('/koe.js', { headers: { 'if-none-match': plain.headers.get('etag')! } });
    expect(cached.status).toBe(304);
    // Each encoding is its own representation, with its own strong ETag.
    expect(new Set([plain, gzip, br].map((res) => res.headers.get('etag'))).size).toBe(3);
    const brCached = await app.request('/koe.js', { headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.get('etag')! } });
    expect(brCached.status).toBe(304);
    expect(brCached.headers.get('etag')).toBe(br.headers.get('etag'));
    const otherEncoding = await app.request('/koe.js', { headers: { 'if-none-match': br.headers.get('etag')! } });
    expect(otherEncoding.status).toBe(200);
    // A rebuilt widget is served at once, with a new ETag.
    writeFileSync(join(widgetDir, 'koe.js'), '/* v2 */');
    const rebuilt = await app.request('/koe.js');
    expect(await rebuilt.text()).toBe('/* v2 */');
    expect(rebuilt.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    // Only koe*.js files: not the npm build, not a path out of the directory.
    expect((await app.request('/index.js')).status).toBe(404);
    expect((await app.request('/koe-missing.js')).status).toBe(404);
    expect((await app.request('/..%2Foutside.txt')).status).toBe(404);
  });

  it('serves static directories under a prefix, index.html for folders, nothing outside', async () => {
    const app = (await import('../src/app.js')).createApp({ store: h.store, config: { sites: [] }, staticDirs: { '/examples': examplesDir } });
    const page = await app.request('/examples/website/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Shop</title>');
    const css = await app.request('/examples/website/app.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const redirect = await app.request('/examples/website');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('./website/');
    expect(await (await app.request('/examples/linked.css')).text()).toBe('body{}');
    for (const path of [
      '/examples/.env',
      '/examples/../outside.txt',
      '/examples/%2e%2e/outside.txt',
      '/examples/website/%2e%2e%2f%2e%2e%2foutside.txt',
      '/examples/nope.html',
      '/examples/leak.txt',
      '/examples/up/outside.txt',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('TOP-SECRET');
    }
  });
});
