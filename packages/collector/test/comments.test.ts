import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, harness, type Harness } from './harness.js';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(async () => {
  await h.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const list = async (query: string): Promise<{ status: number; body: any; res: Response }> => {
  const res = await h.admin(`/v1/comments?${query}`);
  return { status: res.status, body: await res.json(), res };
};
const at = (day: number, hour = 10) => `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

describe('GET /v1/comments', () => {
  it("lists what respondents wrote, newest first, byte for byte, with each answer's fields", async () => {
    const html = answer({ score: 2, comment: '<script>alert(1)</script> 配送が遅い', context: { orderId: 'o-1' }, answeredAt: at(18) });
    await h.post({ responses: [html, answer({ score: 9, answeredAt: at(19) }), answer({ score: 10, comment: 'Lovely', answeredAt: at(20) })] });
    const { status, body, res } = await list('site=shop&survey=nps-web&from=2026-11-01');
    expect(status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body.next).toBeNull();
    expect(body.comments.map((c: { comment: string }) => c.comment)).toEqual(['Lovely', '<script>alert(1)</script> 配送が遅い']);
    expect(body.comments[1]).toMatchObject({ id: html.id, score: 2, category: 'detractor', context: { orderId: 'o-1' }, answeredAt: at(18) });
  });

  it('filters by category (one or several), time and touchpoint, and pages with next', async () => {
    await h.post({
      responses: Array.from({ length: 12 }, (_, i) => answer({ score: i % 11, comment: `c${i}`, answeredAt: at(1 + i), ...(i % 2 ? { touchpoint: 'checkout' } : {}) })),
    });
    const detractors = await list('site=shop&survey=nps-web&category=detractor&from=2026-11-01');
    expect(detractors.body.comments.map((c: { score: number }) => c.score)).toEqual([0, 6, 5, 4, 3, 2, 1, 0]);
    const unhappy = await list('site=shop&survey=nps-web&category=detractor,passive&touchpoint=checkout&from=2026-11-01&to=2026-11-08');
    expect(unhappy.body.comments.map((c: { comment: string }) => c.comment)).toEqual(['c5', 'c3', 'c1']);
    const first = await list('site=shop&survey=nps-web&limit=5&from=2026-11-01');
    expect(first.body.comments).toHaveLength(5);
    const second = await list(`site=shop&survey=nps-web&limit=5&from=2026-11-01&before=${encodeURIComponent(first.body.next)}`);
    expect(second.body.comments.map((c: { comment: string }) => c.comment)).toEqual(['c6', 'c5', 'c4', 'c3', 'c2']);
  });

  it('names each bad parameter with a 400, and needs the admin token', async () => {
    expect((await h.app.request('/v1/comments?site=shop&survey=nps-web')).status).toBe(401);
    const cases: [string, string][] = [
      ['site=nowhere&survey=nps-web', 'site'],
      ['site=shop&survey=nowhere', 'survey'],
      ['site=shop&survey=nps-web&category=satisfied', 'category'],
      ['site=shop&survey=nps-web&category=grumpy', 'category.0'],
      ['site=shop&survey=nps-web&limit=0', 'limit'],
      ['site=shop&survey=nps-web&limit=501', 'limit'],
      ['site=shop&survey=nps-web&before=nonsense', 'before'],
      ['site=shop&survey=nps-web&from=2026-11-10&to=2026-11-01', 'from'],
      ['site=shop&survey=nps-web&confidence=0.9', 'confidence'],
      ['site=shop&survey=nps-web&before=1.%00', 'before'],
    ];
    for (const [query, path] of cases) {
      const { status, body } = await list(query);
      expect([query, status]).toEqual([query, 400]);
      expect([query, body.error.issues.map((i: { path: string }) => i.path)]).toEqual([query, [path]]);
    }
  });
});
