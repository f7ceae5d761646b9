import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, HOOK_SECRET, answer, harness, type Harness } from './harness.js';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(async () => {
  await h.close();
});

const chat = (score: number, fields: Record<string, unknown> = {}) =>
  answer({ survey: 'csat-chat', kind: 'csat', channel: 'chat', score, context: { conversation: 'c-1', agent: '田中' }, ...fields });
const list = async (query: string) => {
  const res = await h.admin(`/v1/cases?${query}`);
  return { status: res.status, body: (await res.json()) as any };
};
const patch = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  h.admin(`/v1/cases/${id}`, { method: 'PATCH', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

describe('follow-up cases', () => {
  it("opens a case for each answer the survey's rule picks, once, and lists it newest first", async () => {
    const detractor = answer({ score: 3, comment: '配送が遅い' });
    const promoter = answer({ score: 10 });
    const dissatisfied = chat(1);
    const neutral = chat(3);
    const satisfied = chat(5);
    expect((await h.post({ responses: [detractor, promoter] })).status).toBe(202);
    h.clock.now = new Date('2026-11-23T12:00:05.000Z');
    expect((await h.post({ responses: [dissatisfied, neutral, satisfied] })).status).toBe(202);
    // A retry opens nothing again.
    expect(await (await h.post(detractor)).json()).toEqual({ accepted: 0, duplicates: 1 });

    const { status, body } = await list('site=shop');
    expect(status).toBe(200);
    expect(body.next).toBeNull();
    expect(body.total).toBe(3);
    expect((await h.admin('/v1/cases?site=shop')).headers.get('cache-control')).toBe('no-store');
    // Newest first: the two chat answers (one request, so one opening time) before the web detractor.
    const rows = body.cases.map((c: any) => [c.survey, c.score, c.category, c.notification]);
    expect(rows.slice(0, 2).sort()).toEqual([
      ['csat-chat', 1, 'dissatisfied', 'pending'],
      ['csat-chat', 3, 'neutral', 'pending'],
    ]);
    expect(rows[2]).toEqual(['nps-web', 3, 'detractor', 'none']);
    expect(new Set(body.cases.map((c: any) => c.id))).toEqual(new Set([detractor.id, dissatisfied.id, neutral.id]));
    expect(body.cases.at(-1)).toMatchObject({ id: detractor.id, comment: '配送が遅い', status: 'open', assignee: null, note: null, openedAt: '2026-11-23T12:00:00.000Z' });
    expect(body.cases[0]).toMatchObject({ context: { conversation: 'c-1', agent: '田中' }, openedAt: '2026-11-23T12:00:05.000Z' });

    expect((await list('site=shop&survey=nps-web')).body.cases.map((c: any) => c.id)).toEqual([detractor.id]);
    const first = await list('site=shop&limit=2');
    expect(first.body.cases).toHaveLength(2);
    expect(first.body.total).toBe(3);
    const rest = await list(`site=shop&limit=2&before=${encodeURIComponent(first.body.next)}`);
    expect(rest.body.total).toBe(3);
    expect(rest.body).toEqual({ cases: [expect.objectContaining({ id: detractor.id })], next: null, total: 3 });
  });

  it('closes, assigns and notes a case; reopening keeps the note', async () => {
    const detractor = answer({ score: 0 });
    await h.post(detractor);
    h.clock.now = new Date('2026-11-24T09:00:00.000Z');
    const res = await patch(detractor.id, { status: 'closed', assignee: '佐藤', note: 'Called back, refunded the shipping.' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: detractor.id, status: 'closed', assignee: '佐藤', note: 'Called back, refunded the shipping.', updatedAt: '2026-11-24T09:00:00.000Z' });
    // The id in capitals names the same case, as it names the same answer.
    expect(await (await patch(detractor.id.toUpperCase(), { status: 'open' })).json()).toMatchObject({ id: detractor.id, status: 'open', assignee: '佐藤', note: 'Called back, refunded the shipping.' });
    expect((await list('site=shop&status=closed')).body.cases).toEqual([]);
    expect((await list('site=shop&status=open')).body.cases).toHaveLength(1);
  });

  it('answers bad requests with the documented status, naming the field', async () => {
    const detractor = answer({ score: 0 });
    await h.post(detractor);
    const cases = async (query: string) => {
      const { status, body } = await list(query);
      return [status, body.error?.issues?.map((i: any) => i.path)];
    };
    expect(await cases('')).toEqual([400, ['site']]);
    expect(await cases('site=nowhere')).toEqual([400, ['site']]);
    expect(await cases('site=shop&survey=nope')).toEqual([400, ['survey']]);
    expect(await cases('site=shop&status=done')).toEqual([400, ['status']]);
    expect(await cases('site=shop&limit=0')).toEqual([400, ['limit']]);
    expect(await cases('site=shop&before=garbage')).toEqual([400, ['before']]);
    expect(await cases('site=shop&colour=red')).toEqual([400, ['colour']]);

    const bad = async (body: unknown, headers?: Record<string, string>) => {
      const res = await patch(detractor.id, body, headers);
      const json = (await res.json()) as any;
      return [res.status, json.error.code, json.error.issues?.map((i: any) => i.path)];
    };
    expect(await bad({ status: 'done' })).toEqual([400, 'invalid_body', ['status']]);
    expect(await bad({ assignee: 42 })).toEqual([400, 'invalid_body', ['assignee']]);
    expect(await bad({ owner: 'x' })).toEqual([400, 'invalid_body', ['owner', '']]);
    expect(await bad({})).toEqual([400, 'invalid_body', ['']]);
    expect(await bad('{"status":')).toEqual([400, 'invalid_json', undefined]);
    expect(await bad({ status: 'closed' }, { 'content-type': 'text/plain' })).toEqual([415, 'unsupported_media_type', undefined]);
    // Text no store keeps as given (PostgreSQL refuses U+0000; half an emoji has no UTF-8): 400, never a 500.
    expect(await bad({ note: 'a\u0000b' })).toEqual([400, 'invalid_body', ['note']]);
    expect(await bad({ assignee: 'x\ud83d' })).toEqual([400, 'invalid_body', ['assignee']]);
    expect((await patch('%00', { status: 'closed' })).status).toBe(400);
    expect(await cases('site=shop&before=1.%00')).toEqual([400, ['before']]);
    expect((await h.admin('/v1/respondents/%00', { method: 'DELETE' })).status).toBe(400);
    const tooLong = await patch(detractor.id, { note: 'x'.repeat(40_000) });
    expect(tooLong.status).toBe(413);
    expect(((await tooLong.json()) as any).error.message).toBe('The request body is over 32768 bytes; a case update holds at most a 5,000-character note');
    const missing = await patch('00000000-0000-4000-8000-00000000beef', { status: 'closed' });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error.issues).toEqual([{ path: 'id', message: 'no case with this id' }]);
    // Nothing changed.
    expect((await list('site=shop')).body.cases[0]).toMatchObject({ status: 'open', assignee: null, note: null });
  });

  it('needs the admin token', async () => {
    expect((await h.app.request('/v1/cases?site=shop')).status).toBe(401);
    const res = await h.app.request(`/v1/cases/x`, { method: 'PATCH', body: '{"status":"closed"}', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}x` } });
    expect(res.status).toBe(401);
  });

  it('never shows a browser the case rules: the webhook and its secret stay on the server', async () => {
    const res = await h.app.request('/v1/sites/shop/surveys');
    const text = await res.text();
    expect(text).not.toContain('cases');
    expect(text).not.toContain(HOOK_SECRET);
    expect(text).not.toContain('hooks.shop.example');
  });

  it("erases a respondent's cases with their answers", async () => {
    await h.post(answer({ score: 1, respondent: { anonymousId: 'anon-erase' } }));
    expect((await list('site=shop')).body.cases).toHaveLength(1);
    expect(await (await h.admin('/v1/respondents/anon-erase', { method: 'DELETE' })).json()).toEqual({ deleted: 1 });
    expect((await list('site=shop')).body.cases).toEqual([]);
  });
});
