import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from './csv-reader.js';
import { answer, harness, type Harness } from './harness.js';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(async () => {
  await h.close();
});

const HOSTILE = `<script>alert("koe")</script><img src=x onerror=alert(1)> & "quoted", line\r\nbreak`;

describe('GET /v1/responses (export)', () => {
  it('returns a comment holding HTML and script byte-for-byte in NDJSON', async () => {
    const one = answer({ comment: HOSTILE, respondent: { anonymousId: 'a-1', userId: 'u-1' }, context: { agent: 'aiko' } });
    await h.post(one);
    const res = await h.admin('/v1/responses?site=shop&survey=nps-web');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="koe-shop-nps-web.ndjson"');
    const lines = (await res.text()).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    const row = JSON.parse(lines[0]!);
    expect(row.comment).toBe(HOSTILE);
    expect(row).toMatchObject({ ...one, category: 'promoter' });
  });

  it('writes CSV with a BOM, CRLF lines, quoting, Japanese intact and formulas neutralised', async () => {
    const rows = [
      answer({ comment: HOSTILE, answeredAt: '2026-11-20T10:00:00Z' }),
      answer({ comment: '=HYPERLINK("http://evil.example","click")', answeredAt: '2026-11-20T10:01:00Z' }),
      answer({ comment: '+1 great', answeredAt: '2026-11-20T10:02:00Z', touchpoint: '-checkout' }),
      answer({ comment: '@SUM(A1:A2)', answeredAt: '2026-11-20T10:03:00Z', respondent: { userId: '\tcmd' } }),
      answer({ comment: '使いやすくて、とても満足しています。「また使います」', answeredAt: '2026-11-20T10:04:00Z', locale: 'ja', context: { agent: '佐藤' } }),
    ];
    await h.post({ responses: rows });
    const res = await h.admin('/v1/responses?site=shop&survey=nps-web&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('id,site,survey,kind,score,category,comment,locale,channel,touchpoint,anonymous_id,user_id,context,answered_at,received_at');
    expect(text).toContain(`"<script>alert(""koe"")</script><img src=x onerror=alert(1)> & ""quoted"", line\r\nbreak"`);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).toContain(`,'+1 great,`);
    expect(text).toContain(`,'-checkout,`);
    expect(text).toContain(`,'@SUM(A1:A2),`);
    expect(text).toContain(`,'\tcmd,`);
    expect(text).toContain(',使いやすくて、とても満足しています。「また使います」,ja,');
    expect(text).toContain('"{""agent"":""佐藤""}"');
    // No cell anywhere starts with a formula character.
    const cells = parseCsv(text.slice(1));
    expect(cells).toHaveLength(6);
    for (const row of cells) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells[1]![6]).toBe(HOSTILE);
    expect(cells[2]![6]).toBe(`'=HYPERLINK("http://evil.example","click")`);
  });

  it('filters by period and streams many rows', async () => {
    const many = Array.from({ length: 100 }, (_, i) => answer({ score: i % 11, answeredAt: new Date(Date.UTC(2026, 10, 1) + i * 3_600_000).toISOString() }));
    await h.post({ responses: many });
    const all = await h.stored();
    expect(all).toHaveLength(100);
    expect(all.map((row) => row.answeredAt)).toEqual([...many.map((row) => row.answeredAt)].sort());
    const res = await h.admin('/v1/responses?site=shop&survey=nps-web&from=2026-11-02&to=2026-11-03');
    expect((await res.text()).trim().split('\n')).toHaveLength(24);
  });

  it('lets the event loop turn between chunks, so a large export never holds ingest', async () => {
    const comment = 'x'.repeat(1500);
    for (let batch = 0; batch < 16; batch++) expect((await h.post({ responses: Array.from({ length: 25 }, () => answer({ comment })) })).status).toBe(202);
    const res = await h.admin('/v1/responses?site=shop&survey=nps-web');
    let turns = 0;
    let done = false;
    const count = () => {
      turns += 1;
      if (!done) setImmediate(count);
    };
    setImmediate(count);
    const text = await res.text();
    done = true;
    expect(text.trim().split('\n')).toHaveLength(400);
    // About 640 KB: ten chunks of 64 KB, each followed by a turn of the event loop.
    expect(turns).toBeGreaterThanOrEqual(9);
  });

  it('answers 400 naming a bad format', async () => {
    const res = await h.admin('/v1/responses?site=shop&survey=nps-web&format=xlsx');
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.issues[0].path).toBe('format');
  });
});

describe('DELETE /v1/respondents/:id', () => {
  it('deletes every answer of an anonymous id or a user id', async () => {
    await h.post({
      responses: [
        answer({ respondent: { anonymousId: 'anon-1' } }),
        answer({ respondent: { anonymousId: 'anon-1', userId: 'user-9' } }),
        answer({ respondent: { userId: 'user-9' } }),
        answer({ respondent: { anonymousId: 'anon-2' } }),
      ],
    });
    const first = await h.admin('/v1/respondents/anon-1', { method: 'DELETE' });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ deleted: 2 });
    const second = await h.admin(`/v1/respondents/${encodeURIComponent('user-9')}`, { method: 'DELETE' });
    expect(await second.json()).toEqual({ deleted: 1 });
    expect((await h.stored()).map((row) => (row.respondent as { anonymousId: string }).anonymousId)).toEqual(['anon-2']);
    const none = await h.admin('/v1/respondents/nobody', { method: 'DELETE' });
    expect(await none.json()).toEqual({ deleted: 0 });
    const tooLong = await h.admin(`/v1/respondents/${'x'.repeat(201)}`, { method: 'DELETE' });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as any).error.issues[0].path).toBe('id');
  });

  it('refuses query parameters, which would look as if they narrowed the deletion, and deletes nothing', async () => {
    await h.post(answer({ respondent: { anonymousId: 'anon-1' } }));
    for (const query of ['site=shop', 'dryRun=true']) {
      const res = await h.admin(`/v1/respondents/anon-1?${query}`, { method: 'DELETE' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.code).toBe('invalid_query');
    }
    expect(await h.stored()).toHaveLength(1);
  });
});
