import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../src/export/csv.js';
import { csvRows } from './csv-reader.js';
import { answer, harness, type Harness } from './harness.js';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(async () => {
  await h.close();
});

const csv = (query: string) => h.admin(`/v1/responses?site=shop&survey=nps-web&format=csv&${query}`);
const issuesOf = async (res: Response) => {
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { code: string; issues: { path: string; message: string }[] } };
  expect(body.error.code).toBe('invalid_query');
  return body.error.issues;
};
/** The cells of `row` under each named column. */
const pick = (rows: string[][], row: number, ...columns: string[]) => columns.map((column) => rows[row]![rows[0]!.indexOf(column)]);

describe('GET /v1/responses?format=csv&tz=', () => {
  it('adds local times in Tokyo after the unchanged columns, which keep their UTC instants', async () => {
    h.clock.now = new Date('2026-12-05T16:17:14.002Z');
    await h.post(answer({ answeredAt: '2026-12-05T16:17:13.576Z' }));
    // Any letter case, as for the reports.
    const rows = await csvRows(await csv('tz=asia/tokyo'));
    expect(rows[0]).toEqual([...CSV_COLUMNS, 'answered_at_local', 'received_at_local']);
    expect(rows).toHaveLength(2);
    expect(pick(rows, 1, 'answered_at', 'received_at', 'answered_at_local', 'received_at_local')).toEqual([
      '2026-12-05T16:17:13.576Z',
      '2026-12-05T16:17:14.002Z',
      '2026-12-06 01:17:13',
      '2026-12-06 01:17:14',
    ]);
  });

  it('keeps the columns as they were without tz', async () => {
    await h.post(answer());
    expect((await csvRows(await csv('from=2026-11-01')))[0]).toEqual([...CSV_COLUMNS]);
  });

  it('follows New York across the end of daylight saving time, reading from/to in the same zone', async () => {
    const instants = ['2026-10-31T04:30:00Z', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-11-02T04:30:00Z', '2026-11-02T05:30:00Z'];
    await h.post({ responses: instants.map((answeredAt) => answer({ answeredAt })) });
    const rows = await csvRows(await csv('tz=America/New_York&from=2026-11-01&to=2026-11-02'));
    // Local 1:30 twice (EDT, then EST an hour later); 23:30 of Nov 1 in EST is 04:30Z on Nov 2.
    expect(rows.slice(1).map((_, i) => pick(rows, i + 1, 'answered_at', 'answered_at_local'))).toEqual([
      ['2026-11-01T05:30:00Z', '2026-11-01 01:30:00'],
      ['2026-11-01T06:30:00Z', '2026-11-01 01:30:00'],
      ['2026-11-02T04:30:00Z', '2026-11-01 23:30:00'],
    ]);
  });

  it('answers 400 naming tz for a zone that does not exist, in CSV and NDJSON alike', async () => {
    for (const query of ['format=csv&tz=Asia/Tokio', 'format=ndjson&tz=Mars/Olympus', 'format=csv&tz=%2B09:00']) {
      const issues = await issuesOf(await h.admin(`/v1/responses?site=shop&survey=nps-web&${query}`));
      expect([query, issues.map((issue) => issue.path)]).toEqual([query, ['tz']]);
    }
  });
});

describe('GET /v1/responses?format=csv&context=', () => {
  const formula = '=HYPERLINK("http://evil.example","click")';
  const team = '東京サポート一課「夜間」, 第2チーム';

  it('adds one column per context key, values neutralised and Japanese byte-for-byte, after the local times', async () => {
    await h.post({
      responses: [
        answer({ answeredAt: '2026-11-20T10:00:00Z', context: { agentId: formula, team, conversationId: 'c-1' } }),
        answer({ answeredAt: '2026-11-20T11:00:00Z', context: { agentId: '-aiko' } }),
        answer({ answeredAt: '2026-11-20T12:00:00Z' }),
      ],
    });
    const res = await csv('tz=UTC&context=agentId,%20team,toString');
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    const rows = await csvRows(res);
    expect(rows[0]).toEqual([...CSV_COLUMNS, 'answered_at_local', 'received_at_local', 'context.agentId', 'context.team', 'context.toString']);
    expect(rows.slice(1).map((row) => row.slice(CSV_COLUMNS.length + 1))).toEqual([
      ['2026-11-23 12:00:00', `'${formula}`, team, ''],
      ['2026-11-23 12:00:00', "'-aiko", '', ''],
      ['2026-11-23 12:00:00', '', '', ''],
    ]);
    // The whole context stays in its JSON cell too.
    expect(JSON.parse(pick(rows, 1, 'context')[0]!)).toEqual({ agentId: formula, team, conversationId: 'c-1' });
    const encoded = new TextEncoder().encode(`"${team}"`);
    expect(Buffer.from(bytes).includes(Buffer.from(encoded))).toBe(true);
  });

  it('takes up to 20 keys', async () => {
    await h.post(answer({ context: { k19: 'last' } }));
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
    const rows = await csvRows(await csv(`context=${keys.join(',')}`));
    expect(rows[0]!.slice(CSV_COLUMNS.length)).toEqual(keys.map((key) => `context.${key}`));
    expect(rows[1]!.slice(-2)).toEqual(['', 'last']);
  });

  it.each([
    ['__proto__', /reserved/],
    ['agent id', /1–40 letters/],
    [`agentId,${'k'.repeat(41)}`, /1–40 letters/],
    ['agentId,,team', /"": keys must be/],
    ['', /"": keys must be/],
    ['agentId,team,agentId', /"agentId" is given twice/],
    [Array.from({ length: 21 }, (_, i) => `k${i}`).join(','), /at most 20 keys/],
  ])('answers 400 naming context for %j', async (keys, message) => {
    const issues = await issuesOf(await csv(`context=${encodeURIComponent(keys)}`));
    expect(issues).toEqual([{ path: 'context', message: expect.stringMatching(message) }]);
  });

  it('answers 400 naming context when asked for NDJSON, whose lines hold the whole context', async () => {
    const issues = await issuesOf(await h.admin('/v1/responses?site=shop&survey=nps-web&context=agentId'));
    expect(issues.map((issue) => issue.path)).toEqual(['context']);
  });
});
