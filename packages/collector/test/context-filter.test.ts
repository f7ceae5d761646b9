import { summarizeCounts } from '@koe/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, harness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = harness();
  // Now is 2026-11-23T12:00Z: every answer below is within the last 30 days.
  const answers = [
    answer({ score: 10, answeredAt: '2026-11-22T15:30:00Z', comment: 'とても丁寧でした', context: { agentId: 'aiko', team: 'orders' } }),
    answer({ score: 3, answeredAt: '2026-11-21T10:00:00Z', comment: 'Slow reply', context: { agentId: 'aiko', team: 'billing' } }),
    answer({ score: 9, answeredAt: '2026-11-20T10:00:00Z', comment: 'Fine', context: { agentId: 'ben', team: 'orders' } }),
    answer({ score: 6, answeredAt: '2026-11-19T10:00:00Z', comment: 'Meh' }),
  ];
  expect((await h.post({ responses: answers })).status).toBe(202);
});
afterEach(async () => {
  await h.close();
});

const get = async (path: string) => {
  const res = await h.admin(path);
  return { status: res.status, body: (await res.json()) as any };
};

describe('context.<key>=<value> filters', () => {
  it("report on one agent's answers: summary, trend and breakdown", async () => {
    const aiko = await get('/v1/reports/summary?site=shop&survey=nps-web&context.agentId=aiko');
    expect(aiko.status).toBe(200);
    expect(aiko.body).toMatchObject(summarizeCounts('nps', { 10: 1, 3: 1 }));
    const both = await get('/v1/reports/summary?site=shop&survey=nps-web&context.agentId=aiko&context.team=orders');
    expect(both.body.n).toBe(1);
    const trend = await get('/v1/reports/trend?site=shop&survey=nps-web&interval=day&from=2026-11-19&to=2026-11-23&context.team=orders');
    expect(trend.body.map((row: any) => [row.period, row.summary.n])).toEqual([['2026-11-20', 1], ['2026-11-22', 1]]);
    const byTeam = await get('/v1/reports/breakdown?site=shop&survey=nps-web&by=context.team&context.agentId=aiko');
    expect(byTeam.body.map((row: any) => [row.value, row.summary.n])).toEqual([['billing', 1], ['orders', 1]]);
    const nobody = await get('/v1/reports/summary?site=shop&survey=nps-web&context.agentId=%E7%94%B0%E4%B8%AD');
    expect(nobody.body.n).toBe(0);
  });

  it("lists one agent's comments", async () => {
    const { status, body } = await get('/v1/comments?site=shop&survey=nps-web&context.agentId=aiko&category=detractor');
    expect(status).toBe(200);
    expect(body.comments.map((c: any) => c.comment)).toEqual(['Slow reply']);
    const all = await get('/v1/comments?site=shop&survey=nps-web&context.agentId=aiko');
    expect(all.body.comments.map((c: any) => c.comment)).toEqual(['とても丁寧でした', 'Slow reply']);
  });

  it("exports one agent's answers, in CSV beside the context columns asked for", async () => {
    const ndjson = await (await h.admin('/v1/responses?site=shop&survey=nps-web&context.agentId=aiko')).text();
    expect(ndjson.trim().split('\n').map((line) => JSON.parse(line).score)).toEqual([3, 10]);
    const res = await h.admin('/v1/responses?site=shop&survey=nps-web&format=csv&context=team&context.team=orders');
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]!.endsWith(',context.team')).toBe(true);
    expect(lines.slice(1).every((line) => line.endsWith(',orders'))).toBe(true);
  });

  it.each([
    ['context.__proto__=x', 'context.__proto__'],
    ['context.a%20b=x', 'context.a b'],
    ['context.=x', 'context.'],
    ['context.agentId=', 'context.agentId'],
    ['context.agentId=a%00b', 'context.agentId'],
    [`context.agentId=${'x'.repeat(201)}`, 'context.agentId'],
    ['context.a=1&context.b=1&context.c=1&context.d=1&context.e=1&context.f=1', 'context.f'],
    ['context.agentId=aiko&context.agentId=ben', 'context.agentId'],
  ])('answers 400 naming the parameter for ?%s', async (query, path) => {
    for (const route of ['/v1/reports/summary?', '/v1/reports/trend?', '/v1/reports/breakdown?by=channel&', '/v1/comments?', '/v1/responses?']) {
      const { status, body } = await get(`${route}site=shop&survey=nps-web&${query}`);
      expect(status, route).toBe(400);
      expect(body.error.issues.map((issue: { path: string }) => issue.path), route).toContain(path);
    }
  });

  it('still refuses other unknown parameters beside a context filter', async () => {
    const { status, body } = await get('/v1/reports/summary?site=shop&survey=nps-web&context.agentId=aiko&agent=aiko');
    expect(status).toBe(400);
    expect(body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['agent']);
  });
});
