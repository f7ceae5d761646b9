import { summarizeCounts } from '@koe/core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PostgresStore } from '../src/store/index.js';
import { dropSchemas, testDatabaseUrl, testSchemaName } from '../src/store/test-postgres.js';
import { CSV_COLUMNS } from '../src/export/csv.js';
import { csvRows } from './csv-reader.js';
import { answer, harness, ORIGIN, type Harness } from './harness.js';

// The HTTP contract's main paths once more on PostgreSQL (the store conformance suite covers the rest).
// With KOE_REQUIRE_SERVICES=1 a missing KOE_TEST_DATABASE_URL fails here instead of skipping.
const url = testDatabaseUrl();
const schema = testSchemaName('koe_http');

describe.skipIf(url === null)('the collector on PostgreSQL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = harness({ store: await PostgresStore.open(url!, { schema }) });
  });
  afterAll(async () => {
    await h?.close();
    await dropSchemas(url!, [schema]);
  });

  it('ingests idempotently, reports, exports and deletes', async () => {
    const first = answer({ score: 10, comment: '<b>最高</b>', answeredAt: '2026-11-22T15:30:00Z', respondent: { anonymousId: 'pg-anon' }, context: { agent: 'aiko' } });
    const batch = [first, answer({ score: 3, answeredAt: '2026-11-22T14:00:00Z' }), answer({ score: 8, answeredAt: '2026-10-01T00:00:00Z' })];
    const res = await h.post({ responses: batch }, { 'content-type': 'text/plain', origin: ORIGIN });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 3, duplicates: 0 });
    expect(await (await h.post(first)).json()).toEqual({ accepted: 0, duplicates: 1 });

    const summary = (await (await h.admin('/v1/reports/summary?site=shop&survey=nps-web')).json()) as any;
    expect(summary).toMatchObject(summarizeCounts('nps', { 10: 1, 3: 1 }));
    expect(summary.previous.n).toBe(1);

    const trend = (await (await h.admin('/v1/reports/trend?site=shop&survey=nps-web&tz=Asia/Tokyo&from=2026-11-20&to=2026-11-24')).json()) as any;
    expect(trend.map((row: { period: string; summary: { n: number } }) => [row.period, row.summary.n])).toEqual([
      ['2026-11-22', 1],
      ['2026-11-23', 1],
    ]);
    const breakdown = (await (await h.admin('/v1/reports/breakdown?site=shop&survey=nps-web&by=context.agent')).json()) as any;
    expect(breakdown.map((row: { value: string | null }) => row.value)).toEqual(['aiko', null]);

    const rows = await h.stored();
    expect(rows.map((row) => row.id).sort()).toEqual(batch.map((row) => row.id).sort());
    expect(rows.find((row) => row.id === first.id)?.comment).toBe('<b>最高</b>');

    const comments = (await (await h.admin('/v1/comments?site=shop&survey=nps-web&from=2026-01-01')).json()) as any;
    expect(comments).toMatchObject({ comments: [{ id: first.id, comment: '<b>最高</b>' }], next: null });

    expect(await (await h.admin('/v1/respondents/pg-anon', { method: 'DELETE' })).json()).toEqual({ deleted: 1 });
    expect(await h.stored()).toHaveLength(2);
  });

  it('exports CSV with local times in Tokyo and New York, and context columns neutralised, Japanese intact', async () => {
    const team = '東京サポート「夜間」';
    h.clock.now = new Date('2026-11-23T12:00:00.000Z');
    const batch = [
      answer({ survey: 'ces-support', kind: 'ces', score: 6, answeredAt: '2026-11-01T05:30:00.250Z', context: { agentId: '=1+1', team } }),
      answer({ survey: 'ces-support', kind: 'ces', score: 2, answeredAt: '2026-11-01T06:30:00Z' }),
    ];
    expect((await h.post({ responses: batch })).status).toBe(202);
    const csv = async (query: string) => await csvRows(await h.admin(`/v1/responses?site=shop&survey=ces-support&format=csv&${query}`));
    const tokyo = await csv('tz=Asia/Tokyo&context=agentId,team');
    expect(tokyo[0]).toEqual([...CSV_COLUMNS, 'answered_at_local', 'received_at_local', 'context.agentId', 'context.team']);
    expect(tokyo.slice(1).map((row) => row.slice(CSV_COLUMNS.length - 2))).toEqual([
      ['2026-11-01T05:30:00.250Z', '2026-11-23T12:00:00.000Z', '2026-11-01 14:30:00', '2026-11-23 21:00:00', "'=1+1", team],
      ['2026-11-01T06:30:00Z', '2026-11-23T12:00:00.000Z', '2026-11-01 15:30:00', '2026-11-23 21:00:00', '', ''],
    ]);
    const newYork = await csv('tz=America/New_York');
    expect(newYork.slice(1).map((row) => row.at(-2))).toEqual(['2026-11-01 01:30:00', '2026-11-01 01:30:00']);
  });

  it('refuses text PostgreSQL cannot hold with a 400 naming the parameter, on every route that filters by it', async () => {
    for (const route of ['/v1/comments', '/v1/reports/summary', '/v1/reports/breakdown', '/v1/responses']) {
      const res = await h.admin(`${route}?site=shop&survey=nps-web&touchpoint=a%00b${route.endsWith('breakdown') ? '&by=channel' : ''}`);
      expect([route, res.status]).toEqual([route, 400]);
      expect(((await res.json()) as any).error.issues.map((i: { path: string }) => i.path)).toEqual(['touchpoint']);
    }
  });
});

describe.skipIf(url === null)('two collectors on one PostgreSQL database', () => {
  const shared = testSchemaName('koe_http_two');
  let a: Harness;
  let b: Harness;
  let sql: ReturnType<typeof postgres>;
  beforeAll(async () => {
    a = harness({ store: await PostgresStore.open(url!, { schema: shared }) });
    b = harness({ store: await PostgresStore.open(url!, { schema: shared }) });
    sql = postgres(url!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await sql?.end();
    await dropSchemas(url!, [shared]);
  });

  it('hold a client to one rate limit between them', async () => {
    const post = (h: Harness) =>
      h.app.request(
        '/v1/responses',
        { method: 'POST', body: JSON.stringify(answer({ site: 'limited', survey: 'nps' })), headers: { 'content-type': 'text/plain', origin: ORIGIN } },
        { incoming: { socket: { remoteAddress: '198.51.100.9' } } },
      );
    const total = async () => Number((await sql`SELECT coalesce(sum(n), 0) AS n FROM ${sql(shared)}.rate_counts`)[0]!.n);
    for (let i = 0; i < 3; i++) expect((await post(a)).status).toBe(202);
    // Each collector shares its new counts about once a second, off the request path.
    await vi.waitFor(async () => expect(await total()).toBe(3), { timeout: 5000, interval: 100 });
    expect((await post(b)).status).toBe(202); // b had not heard yet: the limit can be passed by what one second brings
    await vi.waitFor(async () => expect(await total()).toBe(4), { timeout: 5000, interval: 100 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // b itself has admitted one request of 3, yet refuses: the four admitted by both are over the limit.
    const refused = await post(b);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
