import { describe, expect, it } from 'vitest';
import { NPS, CSAT, RECEIVED, SITE, answer, collect, expected, tally, type OpenStores } from './test-conformance-helpers.js';
import { randomResponses } from './test-data.js';

/** Registers the insert and deleteRespondent conformance tests. */
export function writeConformance({ create, reopen }: OpenStores): void {
  describe('insert', () => {
    it('is idempotent by id within one call and across calls, counting duplicates', async () => {
      const store = await create();
      expect(await store.insert([], RECEIVED)).toEqual({ accepted: 0, duplicates: 0 });
      expect(await store.insert([answer(1), answer(1), answer(2)], RECEIVED)).toEqual({ accepted: 2, duplicates: 1 });
      expect(await store.insert([answer(2, { score: 0 }), answer(3)], RECEIVED)).toEqual({ accepted: 1, duplicates: 1 });
      // A retry never overwrites: the first stored version wins.
      expect(await store.countsByScore({ site: SITE, survey: NPS.id })).toEqual({ 9: 3 });
    });

    it('stores hundreds of concurrent calls once each, duplicates across calls included', async () => {
      const store = await create();
      const calls = Array.from({ length: 300 }, (_, i) => [answer(i), answer((i * 7) % 300), answer(1000 + i)]);
      const results = await Promise.all(calls.map((batch) => store.insert(batch, RECEIVED)));
      const accepted = results.reduce((sum, r) => sum + r.accepted, 0);
      const duplicates = results.reduce((sum, r) => sum + r.duplicates, 0);
      expect(accepted).toBe(600);
      expect(duplicates).toBe(300);
      expect(await store.countsByScore({ site: SITE, survey: NPS.id })).toEqual({ 9: 600 });
      expect((await collect(store.responses({ site: SITE, survey: NPS.id }))).length).toBe(600);
    });

    it('finishes pending writes on close, and everything is there after reopening', async () => {
      const store = await create();
      const pending = Array.from({ length: 50 }, (_, i) => store.insert([answer(i)], RECEIVED));
      await store.close();
      expect((await Promise.all(pending)).every((r) => r.accepted === 1)).toBe(true);
      const again = await reopen(store);
      expect(await again.countsByScore({ site: SITE, survey: NPS.id })).toEqual({ 9: 50 });
    });

    it('survives close and reopen with every answer intact; migrations are idempotent', async () => {
      const store = await create();
      const data = randomResponses({ site: SITE, surveys: [NPS, CSAT], count: 300, from: new Date('2026-08-01Z'), to: new Date('2026-11-01Z'), seed: 7 });
      await store.insert(data, RECEIVED);
      await store.close();
      const again = await reopen(store);
      const third = await reopen(again);
      for (const survey of [NPS, CSAT]) {
        const filter = { site: SITE, survey: survey.id };
        expect(await third.countsByScore(filter)).toEqual(tally(expected(data, filter).map((r) => r.score)));
      }
      expect(await third.insert(data.slice(0, 10), RECEIVED)).toEqual({ accepted: 0, duplicates: 10 });
    });

    it('two instances on one database inserting the same ids concurrently store each once', async () => {
      const first = await create();
      const second = await reopen(first);
      const data = randomResponses({ site: SITE, surveys: [NPS], count: 400, from: new Date('2026-10-01Z'), to: new Date('2026-11-01Z'), seed: 3 });
      const chunks = (offset: number) => Array.from({ length: 40 }, (_, i) => data.slice(((i + offset) % 40) * 10, ((i + offset) % 40) * 10 + 10));
      const results = await Promise.all([
        ...chunks(0).map((c) => first.insert(c, RECEIVED)),
        ...chunks(17).map((c) => second.insert([...c].reverse(), RECEIVED)),
      ]);
      expect(results.reduce((sum, r) => sum + r.accepted, 0)).toBe(400);
      expect(results.reduce((sum, r) => sum + r.duplicates, 0)).toBe(400);
      expect(await first.countsByScore({ site: SITE, survey: NPS.id })).toEqual(tally(data.map((r) => r.score)));
    });
  });

  describe('deleteRespondent', () => {
    it('deletes every answer of an anonymous id or a user id, and reports reflect it', async () => {
      const store = await create();
      await store.insert(
        [
          answer(1, { respondent: { anonymousId: 'anon-a' }, score: 0 }),
          answer(2, { respondent: { anonymousId: 'anon-a', userId: 'user-x' }, score: 1 }),
          answer(3, { respondent: { userId: 'user-x' }, score: 2, survey: CSAT.id, kind: 'csat' }),
          answer(4, { respondent: { anonymousId: 'anon-b', userId: 'user-y' }, score: 3 }),
          answer(5, { score: 4 }),
        ],
        RECEIVED,
      );
      expect(await store.deleteRespondent('user-x')).toBe(2);
      expect(await store.deleteRespondent('anon-a')).toBe(1);
      expect(await store.deleteRespondent('nobody')).toBe(0);
      expect(await store.countsByScore({ site: SITE, survey: NPS.id })).toEqual({ 3: 1, 4: 1 });
      expect(await store.countsByScore({ site: SITE, survey: CSAT.id })).toEqual({});
      expect(await store.countsByPeriod({ site: SITE, survey: NPS.id }, { interval: 'day', timeZone: 'UTC' })).toEqual([
        { period: '2026-11-20', counts: { 3: 1, 4: 1 } },
      ]);
      expect((await collect(store.responses({ site: SITE, survey: NPS.id }))).map((r) => r.score)).toEqual([3, 4]);
    });
  });
}
