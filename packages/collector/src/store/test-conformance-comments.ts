import { describe, expect, it } from 'vitest';
import { decodeCommentCursor } from './comments.js';
import { CSAT, NPS, RECEIVED, SITE, answer, expected, type OpenStores } from './test-conformance-helpers.js';

/** Registers the comment listing conformance tests: newest first, filters, pages, ties. */
export function commentConformance({ create }: OpenStores): void {
  describe('comments', () => {
    it('lists the answers with a comment, newest first, as stored; blank comments are not comments', async () => {
      const store = await create();
      await store.insert([answer(4, { comment: '', answeredAt: '2026-11-23T00:00:00Z' }), answer(5, { comment: '   ', answeredAt: '2026-11-23T00:00:00Z' })], RECEIVED);
      const withComment = answer(1, { score: 2, comment: '<b>遅い</b> 😞', context: { agent: '田中' }, respondent: { userId: 'u-1' }, answeredAt: '2026-11-20T10:00:00+09:00' });
      await store.insert([withComment, answer(2, { score: 9, answeredAt: '2026-11-21T10:00:00Z' }), answer(3, { score: 10, comment: 'Great', answeredAt: '2026-11-22T10:00:00Z' })], RECEIVED);
      const page = await store.comments({ site: SITE, survey: NPS.id, limit: 10 });
      expect(page.next).toBeNull();
      expect(page.comments).toEqual([
        { ...answer(3, { score: 10, comment: 'Great', answeredAt: '2026-11-22T10:00:00Z' }), category: 'promoter', receivedAt: RECEIVED.toISOString() },
        { ...withComment, category: 'detractor', receivedAt: RECEIVED.toISOString() },
      ]);
    });

    it('filters by time, channel, touchpoint and category, and pages through ties in time by id', async () => {
      const store = await create();
      const all = Array.from({ length: 40 }, (_, i) =>
        answer(100 + i, {
          score: i % 11,
          ...(i % 4 === 3 ? {} : { comment: `comment ${i}` }),
          channel: i % 2 ? 'chat' : 'web',
          ...(i % 7 ? { touchpoint: 'checkout' } : {}),
          ...(i % 5 ? { context: { agent: i % 3 ? 'agent-1' : 'agent-2' } } : {}),
          // Twelve answers share each second (up to three of them in the filter), so pages must split ties by id.
          answeredAt: new Date(Date.parse('2026-11-10T00:00:00Z') + Math.floor(i / 12) * 1000).toISOString(),
        }),
      );
      await store.insert(all, RECEIVED);
      await store.insert([answer(200, { survey: CSAT.id, kind: 'csat', score: 1, comment: 'other survey' })], RECEIVED);
      const filter = { site: SITE, survey: NPS.id, from: new Date('2026-11-10T00:00:01Z'), to: new Date('2026-11-10T00:00:03Z'), channel: 'chat' as const, touchpoint: 'checkout' };
      const reference = expected(all, filter)
        .filter((r) => r.comment !== undefined && ['detractor', 'passive'].includes(r.score <= 6 ? 'detractor' : r.score <= 8 ? 'passive' : 'promoter'))
        .sort((a, b) => Date.parse(b.answeredAt) - Date.parse(a.answeredAt) || (b.id < a.id ? -1 : 1))
        .map((r) => r.id);
      expect(reference.length).toBeGreaterThan(3);
      // The reference itself has a tie of three answers given at one moment, which a page of two must split.
      const times = expected(all, filter).filter((r) => reference.includes(r.id)).map((r) => r.answeredAt);
      expect(Math.max(...times.map((t) => times.filter((u) => u === t).length))).toBeGreaterThanOrEqual(3);
      const ids: string[] = [];
      let before;
      for (let pages = 0; pages < 20; pages++) {
        const page = await store.comments({ ...filter, categories: ['detractor', 'passive'], limit: 2, ...(before ? { before } : {}) });
        ids.push(...page.comments.map((c) => c.id));
        if (page.next === null) break;
        before = decodeCommentCursor(page.next)!;
      }
      expect(ids).toEqual(reference);
      // One agent's comments.
      const agent = { site: SITE, survey: NPS.id, context: { agent: 'agent-2' } };
      const agents = expected(all, agent).filter((r) => r.comment !== undefined && r.comment.trim() !== '');
      expect(agents.length).toBeGreaterThan(0);
      expect((await store.comments({ ...agent, limit: 500 })).comments.map((c) => c.id).sort()).toEqual(agents.map((r) => r.id).sort());
      expect((await store.comments({ site: SITE, survey: CSAT.id, limit: 5 })).comments.map((c) => c.comment)).toEqual(['other survey']);
      expect((await store.comments({ site: 'elsewhere', survey: NPS.id, limit: 5 })).comments).toEqual([]);
    });
  });
}
