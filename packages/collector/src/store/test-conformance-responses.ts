import type { SurveyResponse } from '@koe/core';
import { describe, expect, it } from 'vitest';
import { CSAT, NPS, RECEIVED, SITE, answer, collect, expected, type OpenStores } from './test-conformance-helpers.js';
import { randomResponses } from './test-data.js';

/** Registers the export conformance tests. */
export function responsesConformance({ create, reopen }: OpenStores): void {
  describe('responses', () => {
    it('streams in answeredAt order and returns exactly what was sent', async () => {
      const store = await create();
      const tricky = [
        answer(1, {
          answeredAt: '2026-11-20T19:00:00+09:00', // 10:00Z, the earliest despite its text
          comment: '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" \'single\'',
          context: { conversation: 'c-1', 'agent.id': 'a:7' },
          respondent: { anonymousId: 'anon-1', userId: 'user-1' },
          touchpoint: 'checkout',
        }),
        answer(2, { answeredAt: '2026-11-20T10:00:00.001Z', comment: 'とても使いやすかったです。ありがとう！😀👍🏽\n2行目\u200b', locale: 'ja-JP' }),
        answer(3, { answeredAt: '2026-11-20T05:30:00-05:00', comment: '=HYPERLINK("http://x")', channel: 'chat', kind: 'csat', survey: CSAT.id, score: 4 }),
        answer(4, { answeredAt: '2026-11-20T10:30:00Z', comment: '' }),
      ];
      await store.insert([tricky[3]!, tricky[2]!, tricky[1]!, tricky[0]!], RECEIVED);
      const got = await collect(store.responses({ site: SITE, survey: NPS.id }));
      const categories = { 1: 'promoter', 2: 'promoter', 4: 'promoter' } as Record<number, string>;
      expect(got).toEqual(
        [tricky[0]!, tricky[1]!, tricky[3]!].map((r, i) => ({ ...r, category: categories[[1, 2, 4][i]!], receivedAt: RECEIVED.toISOString() })),
      );
      expect(got.map((r) => Object.keys(r).sort())).toEqual(
        [tricky[0]!, tricky[1]!, tricky[3]!].map((r) => [...Object.keys(r), 'category', 'receivedAt'].sort()),
      );
      expect(got[0]!.comment).toBe(tricky[0]!.comment);
      expect(got[1]!.comment).toBe(tricky[1]!.comment);
      expect(await collect(store.responses({ site: SITE, survey: CSAT.id }))).toEqual([{ ...tricky[2]!, category: 'satisfied', receivedAt: RECEIVED.toISOString() }]);
    });

    it('stores half of a surrogate pair (no UTF-8 form) and U+0000 (no PostgreSQL text) as U+FFFD', async () => {
      const store = await create();
      await store.insert(
        [
          answer(1, { comment: 'a\ud83db', context: { note: '\udc00' } }),
          answer(2, { comment: 'x\u0000y', touchpoint: 't\u0000', context: { note: 'n\u0000' }, respondent: { userId: 'u\u0000' } }),
        ],
        RECEIVED,
      );
      const got = await collect(store.responses({ site: SITE, survey: NPS.id }));
      expect(got.map((r) => [r.comment, r.context])).toEqual([
        ['a\ufffdb', { note: '\ufffd' }],
        ['x\ufffdy', { note: 'n\ufffd' }],
      ]);
      expect(got[1]).toMatchObject({ touchpoint: 't\ufffd', respondent: { userId: 'u\ufffd' } });
      // Reports over those rows still work.
      const groups = await store.countsByDimension({ site: SITE, survey: NPS.id }, 'context.note');
      expect(groups.map((g) => g.value).sort()).toEqual(['n\ufffd', '\ufffd']);
    });

    it('streams many answers page by page with every filter applied', async () => {
      const store = await create();
      const data = randomResponses({ site: SITE, surveys: [NPS], count: 2500, from: new Date('2026-10-01Z'), to: new Date('2026-10-03Z'), seed: 9 });
      // Same-millisecond answers must neither repeat nor vanish at page boundaries.
      data.slice(0, 1200).forEach((r) => (r.answeredAt = '2026-10-02T00:00:00.000Z'));
      await store.insert(data, RECEIVED);
      const byTime = (a: SurveyResponse, b: SurveyResponse) => Date.parse(a.answeredAt) - Date.parse(b.answeredAt);
      for (const filter of [
        { site: SITE, survey: NPS.id },
        { site: SITE, survey: NPS.id, channel: 'chat' as const, from: new Date('2026-10-01T12:00:00Z'), to: new Date('2026-10-02T00:00:00.001Z') },
        { site: SITE, survey: NPS.id, touchpoint: 'support' },
        { site: SITE, survey: NPS.id, context: { agent: 'agent-2' } },
      ]) {
        const got = await collect(store.responses(filter));
        const want = expected(data, filter).sort(byTime);
        expect(got.map((r) => r.id).sort()).toEqual(want.map((r) => r.id).sort());
        expect([...got].sort(byTime).map((r) => r.answeredAt)).toEqual(got.map((r) => r.answeredAt));
      }
    });
  });
}
