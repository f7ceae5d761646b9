import { compare, summarizeCounts } from '@koe/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, harness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = harness();
  // Now is 2026-11-23T12:00Z. The last 30 days: 3 promoters, 1 passive, 1 detractor; the 30 before: 2 detractors, 1 promoter.
  const current = [
    answer({ score: 10, answeredAt: '2026-11-22T15:30:00Z', channel: 'web', locale: 'ja', context: { agent: 'aiko' } }),
    answer({ score: 9, answeredAt: '2026-11-22T14:59:00Z', channel: 'web', locale: 'en', context: { agent: 'ben' } }),
    answer({ score: 9, answeredAt: '2026-11-10T00:00:00Z', channel: 'app', locale: 'ja', context: { agent: 'aiko' } }),
    answer({ score: 7, answeredAt: '2026-11-01T00:00:00Z', channel: 'app', locale: 'ja', touchpoint: 'checkout' }),
    answer({ score: 2, answeredAt: '2026-10-25T00:00:00Z', channel: 'web', locale: 'en', touchpoint: 'checkout' }),
  ];
  const previous = [
    answer({ score: 0, answeredAt: '2026-10-20T00:00:00Z' }),
    answer({ score: 3, answeredAt: '2026-10-01T00:00:00Z' }),
    answer({ score: 10, answeredAt: '2026-09-25T00:00:00Z' }),
  ];
  expect((await h.post({ responses: [...current, ...previous] })).status).toBe(202);
});
afterEach(async () => {
  await h.close();
});

const get = async (path: string) => {
  const res = await h.admin(path);
  return { status: res.status, body: (await res.json()) as any };
};

describe('GET /v1/reports/summary', () => {
  it('scores the last 30 days, with the previous 30 and their comparison', async () => {
    const { status, body } = await get('/v1/reports/summary?site=shop&survey=nps-web');
    expect(status).toBe(200);
    const summary = summarizeCounts('nps', { 10: 1, 9: 2, 7: 1, 2: 1 });
    const previous = summarizeCounts('nps', { 0: 1, 3: 1, 10: 1 });
    expect(body).toMatchObject({ ...summary, from: '2026-10-24T12:00:00.000Z', to: '2026-11-23T12:00:00.000Z' });
    expect(body.previous).toMatchObject({ ...previous, from: '2026-09-24T12:00:00.000Z', to: '2026-10-24T12:00:00.000Z' });
    expect(body.compare).toEqual(compare(summary, previous));
    expect(body.score).toBe(40);
    expect(body.ci.low).toBeLessThan(40);
  });

  it('filters by period (dates in tz), channel and touchpoint', async () => {
    const web = await get('/v1/reports/summary?site=shop&survey=nps-web&channel=app');
    expect(web.body.n).toBe(2);
    const checkout = await get('/v1/reports/summary?site=shop&survey=nps-web&touchpoint=checkout');
    expect(checkout.body.n).toBe(2);
    // 2026-11-23 starts at 2026-11-22T15:00Z in Tokyo: only the 15:30Z answer is on the 23rd there.
    const jst = await get('/v1/reports/summary?site=shop&survey=nps-web&from=2026-11-23&to=2026-11-24&tz=Asia/Tokyo');
    expect(jst.body.n).toBe(1);
    expect(jst.body.from).toBe('2026-11-22T15:00:00.000Z');
    const utc = await get('/v1/reports/summary?site=shop&survey=nps-web&from=2026-11-22&to=2026-11-23');
    expect(utc.body.n).toBe(2);
    const instants = await get('/v1/reports/summary?site=shop&survey=nps-web&from=2026-11-22T15:00:00%2B00:00&to=2026-11-22T16:00:00Z');
    expect(instants.body.n).toBe(1);
    // The same offset typed unencoded: a query string reads `+` as a space.
    const typed = await get('/v1/reports/summary?site=shop&survey=nps-web&from=2026-11-23T00:00:00+09:00&to=2026-11-23T01:00:00+09:00');
    expect(typed.status).toBe(200);
    expect(typed.body.from).toBe('2026-11-22T15:00:00.000Z');
    expect(typed.body.n).toBe(1);
  });

  it('answers 400 naming a parameter given twice, rather than reporting on the first', async () => {
    const { status, body } = await get('/v1/reports/summary?site=shop&survey=nps-web&site=other');
    expect(status).toBe(400);
    expect(body.error.issues).toEqual([{ path: 'site', message: 'given more than once; give it once' }]);
  });

  it('answers an empty period with n 0 and no score', async () => {
    const { body } = await get('/v1/reports/summary?site=shop&survey=ces-support');
    expect(body).toMatchObject({ kind: 'ces', n: 0, score: null, ci: null, compare: null });
  });

  it.each([
    ['site=shop', 'survey'],
    ['site=shop&survey=nps-web&from=last-week', 'from'],
    ['site=shop&survey=nps-web&to=2026-13-01', 'to'],
    ['site=shop&survey=nps-web&from=2026-11-10&to=2026-11-01', 'from'],
    ['site=shop&survey=nps-web&channel=fax', 'channel'],
    ['site=shop&survey=nps-web&tz=Mars/Olympus', 'tz'],
    ['site=shop&survey=nps-web&confidence=2', 'confidence'],
    ['site=shop&survey=nps-web&colour=blue', 'colour'],
    ['site=shop&survey=nps-web&from=2026-11-23T00:00:00+25:00', 'from'],
    ['site=shop&survey=nps-web&from=2026-11-23 09:00', 'from'],
    ['site=Shop!&survey=nps-web', 'site'],
    ['site=nope&survey=nps-web', 'site'],
    ['site=shop&survey=nope', 'survey'],
  ])('answers 400 naming the bad parameter for ?%s', async (query, path) => {
    const { status, body } = await get(`/v1/reports/summary?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_query');
    expect(body.error.issues.map((issue: { path: string }) => issue.path)).toContain(path);
  });
});

describe('GET /v1/reports/trend', () => {
  it('buckets by day in the given time zone', async () => {
    const utc = await get('/v1/reports/trend?site=shop&survey=nps-web&interval=day&from=2026-11-20&to=2026-11-24');
    expect(utc.status).toBe(200);
    expect(utc.body).toEqual([{ period: '2026-11-22', summary: summarizeCounts('nps', { 10: 1, 9: 1 }) }]);
    const jst = await get('/v1/reports/trend?site=shop&survey=nps-web&interval=day&tz=Asia/Tokyo&from=2026-11-20&to=2026-11-24');
    expect(jst.body).toEqual([
      { period: '2026-11-22', summary: summarizeCounts('nps', { 9: 1 }) },
      { period: '2026-11-23', summary: summarizeCounts('nps', { 10: 1 }) },
    ]);
    // Zone names are case-insensitive, as in Intl and PostgreSQL.
    expect((await get('/v1/reports/trend?site=shop&survey=nps-web&interval=day&tz=asia/tokyo&from=2026-11-20&to=2026-11-24')).body).toEqual(jst.body);
  });

  it('buckets by month and defaults to day', async () => {
    const months = await get('/v1/reports/trend?site=shop&survey=nps-web&interval=month&from=2026-09-01&to=2026-12-01');
    expect(months.body.map((row: { period: string; summary: { n: number } }) => [row.period, row.summary.n])).toEqual([
      ['2026-09-01', 1],
      ['2026-10-01', 3],
      ['2026-11-01', 4],
    ]);
    const days = await get('/v1/reports/trend?site=shop&survey=nps-web');
    expect(days.body.length).toBeGreaterThan(3);
  });

  it('answers 400 naming tz or interval when invalid', async () => {
    const tz = await get('/v1/reports/trend?site=shop&survey=nps-web&tz=Asia/Nowhere');
    expect(tz.status).toBe(400);
    expect(tz.body.error.issues[0].path).toBe('tz');
    const interval = await get('/v1/reports/trend?site=shop&survey=nps-web&interval=hour');
    expect(interval.status).toBe(400);
    expect(interval.body.error.issues[0].path).toBe('interval');
  });
});

describe('GET /v1/reports/breakdown', () => {
  it('summarizes per channel, locale, touchpoint and context key', async () => {
    const channel = await get('/v1/reports/breakdown?site=shop&survey=nps-web&by=channel');
    expect(channel.status).toBe(200);
    expect(channel.body).toEqual([
      { value: 'web', summary: summarizeCounts('nps', { 10: 1, 9: 1, 2: 1 }) },
      { value: 'app', summary: summarizeCounts('nps', { 9: 1, 7: 1 }) },
    ]);
    const locale = await get('/v1/reports/breakdown?site=shop&survey=nps-web&by=locale');
    expect(locale.body).toEqual([
      { value: 'ja', summary: summarizeCounts('nps', { 10: 1, 9: 1, 7: 1 }) },
      { value: 'en', summary: summarizeCounts('nps', { 9: 1, 2: 1 }) },
    ]);
    const touchpoint = await get('/v1/reports/breakdown?site=shop&survey=nps-web&by=touchpoint');
    expect(touchpoint.body).toEqual([
      { value: null, summary: summarizeCounts('nps', { 10: 1, 9: 2 }) },
      { value: 'checkout', summary: summarizeCounts('nps', { 7: 1, 2: 1 }) },
    ]);
    const agent = await get('/v1/reports/breakdown?site=shop&survey=nps-web&by=context.agent');
    expect(agent.body).toEqual([
      { value: 'aiko', summary: summarizeCounts('nps', { 10: 1, 9: 1 }) },
      { value: null, summary: summarizeCounts('nps', { 7: 1, 2: 1 }) },
      { value: 'ben', summary: summarizeCounts('nps', { 9: 1 }) },
    ]);
  });

  it('keeps the largest groups with limit, and counts them all in X-Total-Count', async () => {
    const all = await h.admin('/v1/reports/breakdown?site=shop&survey=nps-web&by=context.agent');
    expect(all.headers.get('x-total-count')).toBe('3');
    const top = await h.admin('/v1/reports/breakdown?site=shop&survey=nps-web&by=context.agent&limit=2');
    expect(top.status).toBe(200);
    expect(top.headers.get('x-total-count')).toBe('3');
    expect(((await top.json()) as { value: string | null }[]).map((row) => row.value)).toEqual(['aiko', null]);
    const more = await get('/v1/reports/breakdown?site=shop&survey=nps-web&by=channel&limit=1000');
    expect(more.body.map((row: { value: string }) => row.value)).toEqual(['web', 'app']);
  });

  it.each(['limit=0', 'limit=1001', 'limit=1.5', 'limit=ten', 'limit=', 'limit=1e2', 'limit=0x10', 'limit=%205', 'limit=99999'])('answers 400 naming limit for ?by=channel&%s', async (query) => {
    const { status, body } = await get(`/v1/reports/breakdown?site=shop&survey=nps-web&by=channel&${query}`);
    expect(status).toBe(400);
    expect(body.error.issues).toEqual([{ path: 'limit', message: 'must be a whole number from 1 to 1000' }]);
  });

  it('answers 400 naming from for a trend of more than 10,000 buckets', async () => {
    const { status, body } = await get('/v1/reports/trend?site=shop&survey=nps-web&interval=day&from=1926-01-01&to=2026-01-01');
    expect(status).toBe(400);
    expect(body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['from']);
    expect((await get('/v1/reports/trend?site=shop&survey=nps-web&interval=month&from=1926-01-01&to=2026-01-01')).status).toBe(200);
  });

  it.each(['from=0050-01-01', 'to=0999-12-31T00:00:00Z'])('answers 400 naming the field for a year before 1000: ?%s', async (query) => {
    const { status, body } = await get(`/v1/reports/summary?site=shop&survey=nps-web&${query}`);
    expect(status).toBe(400);
    expect(body.error.issues.map((issue: { path: string }) => issue.path)).toEqual([query.split('=')[0]]);
  });

  it.each(['by=colour', 'by=context.', 'by=context.a%20b', 'by=context.__proto__', 'by=context.constructor', ''])('answers 400 naming by for ?%s', async (query) => {
    const { status, body } = await get(`/v1/reports/breakdown?site=shop&survey=nps-web&${query}`);
    expect(status).toBe(400);
    expect(body.error.issues.map((issue: { path: string }) => issue.path)).toContain('by');
  });
});
