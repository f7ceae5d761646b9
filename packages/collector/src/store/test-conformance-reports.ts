import { summarize, summarizeCounts, type SurveyResponse } from '@koe/core';
import { describe, expect, it } from 'vitest';
import type { Dimension, ResponseFilter } from './store.js';
import { CSAT, NPS, RECEIVED, SITE, answer, expected, referencePeriod, tally, type OpenStores } from './test-conformance-helpers.js';
import { randomResponses } from './test-data.js';

/** Registers the report conformance tests. */
export function reportConformance({ create, reopen }: OpenStores): void {
  describe('reports', () => {
    const data = randomResponses({
      site: SITE,
      surveys: [NPS, CSAT],
      count: 1500,
      from: new Date('2026-02-20T00:00:00Z'),
      to: new Date('2026-11-25T00:00:00Z'),
      seed: 42,
    });
    // Answers right at and around the bounds below, so an off-by-one at a rollup edge cannot hide.
    const edges = ['2026-05-03T10:17:23Z', '2026-05-03T10:17:23.456Z', '2026-09-09T03:59:59.999Z', '2026-07-01T00:00:00Z', '2026-06-01T10:05:00Z', '2026-06-01T10:55:00Z'];
    const near = edges.flatMap((iso) => [-1_800_000, -1, 0, 1, 1_800_000].map((d) => new Date(Date.parse(iso) + d).toISOString()));
    randomResponses({ site: SITE, surveys: [NPS], count: near.length * 3, from: new Date(0), to: new Date(1), seed: 11 }).forEach((r, i) => {
      r.answeredAt = near[i % near.length]!;
      data.push(r);
    });
    // A Japanese context value under a key holding a ".", for filters on two pairs at once.
    data.forEach((r, i) => {
      if (r.context && i % 3 === 0) r.context = { ...r.context, 'team.name': i % 2 === 0 ? '東京' : '大阪' };
    });
    const other = randomResponses({ site: 'other-site', surveys: [NPS], count: 100, from: new Date('2026-03-01Z'), to: new Date('2026-04-01Z'), seed: 5 });

    const filters: ResponseFilter[] = [
      { site: SITE, survey: NPS.id },
      { site: SITE, survey: CSAT.id },
      { site: SITE, survey: NPS.id, channel: 'chat' },
      { site: SITE, survey: NPS.id, touchpoint: 'checkout' },
      { site: SITE, survey: NPS.id, channel: 'web', touchpoint: 'support' },
      // Bounds off the hour exercise the rollup's raw edges.
      { site: SITE, survey: NPS.id, from: new Date('2026-05-03T10:17:23.456Z'), to: new Date('2026-09-09T03:59:59.999Z') },
      { site: SITE, survey: NPS.id, from: new Date('2026-05-03T10:17:23Z') },
      { site: SITE, survey: NPS.id, to: new Date('2026-07-01T00:00:00Z'), channel: 'email' },
      { site: SITE, survey: NPS.id, from: new Date('2026-06-01T10:05:00Z'), to: new Date('2026-06-01T10:55:00Z') },
      { site: SITE, survey: 'nope' },
      { site: 'other-site', survey: NPS.id },
      // Touchpoints of several bytes per character, and of two UTF-16 units per character.
      { site: SITE, survey: NPS.id, touchpoint: '🛒 cart' },
      { site: SITE, survey: NPS.id, channel: 'chat', touchpoint: 'お問い合わせ' },
      // One agent's answers (raw rows: the counts know no context), alone and with other filters.
      { site: SITE, survey: NPS.id, context: { agent: 'agent-2' } },
      { site: SITE, survey: NPS.id, channel: 'chat', from: new Date('2026-05-03T10:17:23.456Z'), to: new Date('2026-09-09T03:59:59.999Z'), context: { agent: 'agent-1' } },
      { site: SITE, survey: NPS.id, context: { agent: 'agent-3', 'team.name': '東京' } },
      { site: SITE, survey: NPS.id, context: { agent: "agent-1' OR '1'='1" } },
    ];

    it('counts per score match core summarize over the same answers, for every filter', async () => {
      const store = await create();
      await store.insert([...data, ...other], RECEIVED);
      expect(expected(data, filters[15]!).length).toBeGreaterThan(10);
      expect(expected(data, filters[16]!)).toEqual([]);
      for (const filter of filters) {
        const rows = expected([...data, ...other], filter);
        const kind = filter.survey === CSAT.id ? 'csat' : 'nps';
        const counts = await store.countsByScore(filter);
        expect(counts, JSON.stringify(filter)).toEqual(tally(rows.map((r) => r.score)));
        expect(summarizeCounts(kind, counts)).toEqual(summarize(kind, rows.map((r) => r.score)));
      }
    });

    it('buckets trends by calendar day, ISO week and month in any time zone, DST included', async () => {
      const store = await create();
      await store.insert([...data, ...other], RECEIVED);
      const zones = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
      for (const timeZone of zones) {
        for (const interval of ['day', 'week', 'month'] as const) {
          for (const filter of [filters[0]!, filters[1]!, filters[2]!, filters[3]!, filters[4]!, filters[5]!, filters[13]!, filters[14]!]) {
            const options = { interval, timeZone };
            const reference = new Map<string, number[]>();
            for (const r of expected(data, filter)) {
              const period = referencePeriod(r.answeredAt, options);
              reference.set(period, [...(reference.get(period) ?? []), r.score]);
            }
            const want = [...reference.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, s]) => ({ period, counts: tally(s) }));
            expect(await store.countsByPeriod(filter, options), `${timeZone} ${interval} ${JSON.stringify(filter)}`).toEqual(want);
          }
        }
      }
    });

    it('puts an answer on its local day: 2026-11-22T20:00Z is the 22nd in UTC and the 23rd in Tokyo', async () => {
      const store = await create();
      await store.insert([answer(1, { answeredAt: '2026-11-22T20:00:00Z' }), answer(2, { answeredAt: '2026-11-22T14:59:59.999Z', score: 3 })], RECEIVED);
      const filter = { site: SITE, survey: NPS.id };
      expect(await store.countsByPeriod(filter, { interval: 'day', timeZone: 'UTC' })).toEqual([{ period: '2026-11-22', counts: { 3: 1, 9: 1 } }]);
      expect(await store.countsByPeriod(filter, { interval: 'day', timeZone: 'Asia/Tokyo' })).toEqual([
        { period: '2026-11-22', counts: { 3: 1 } },
        { period: '2026-11-23', counts: { 9: 1 } },
      ]);
      // Sunday the 22nd belongs to the ISO week starting Monday the 16th in UTC, Monday the 23rd in Tokyo.
      expect(await store.countsByPeriod(filter, { interval: 'week', timeZone: 'UTC' })).toEqual([{ period: '2026-11-16', counts: { 3: 1, 9: 1 } }]);
      expect(await store.countsByPeriod(filter, { interval: 'week', timeZone: 'Asia/Tokyo' })).toEqual([
        { period: '2026-11-16', counts: { 3: 1 } },
        { period: '2026-11-23', counts: { 9: 1 } },
      ]);
    });

    it('follows DST: New York days of 23 and 25 hours, months across the change', async () => {
      const store = await create();
      const at = [
        '2026-03-08T04:59:59Z', // 23:59:59 EST on the 7th
        '2026-03-08T05:00:00Z', // midnight EST: the 8th, a 23-hour day
        '2026-03-09T03:59:59Z', // 23:59:59 EDT on the 8th
        '2026-03-09T04:00:00Z', // midnight EDT: the 9th
        '2026-11-01T03:59:59Z', // 23:59:59 EDT on Oct 31
        '2026-11-01T04:00:00Z', // midnight EDT: Nov 1, a 25-hour day
        '2026-11-02T04:30:00Z', // 23:30 EST, still Nov 1
        '2026-11-02T05:00:00Z', // midnight EST: Nov 2
      ];
      await store.insert(at.map((answeredAt, i) => answer(i, { answeredAt, score: i })), RECEIVED);
      const filter = { site: SITE, survey: NPS.id };
      expect(await store.countsByPeriod(filter, { interval: 'day', timeZone: 'America/New_York' })).toEqual([
        { period: '2026-03-07', counts: { 0: 1 } },
        { period: '2026-03-08', counts: { 1: 1, 2: 1 } },
        { period: '2026-03-09', counts: { 3: 1 } },
        { period: '2026-10-31', counts: { 4: 1 } },
        { period: '2026-11-01', counts: { 5: 1, 6: 1 } },
        { period: '2026-11-02', counts: { 7: 1 } },
      ]);
      expect(await store.countsByPeriod(filter, { interval: 'month', timeZone: 'America/New_York' })).toEqual([
        { period: '2026-03-01', counts: { 0: 1, 1: 1, 2: 1, 3: 1 } },
        { period: '2026-10-01', counts: { 4: 1 } },
        { period: '2026-11-01', counts: { 5: 1, 6: 1, 7: 1 } },
      ]);
      const bounded = { ...filter, from: new Date('2026-11-01T12:00:00Z'), to: new Date('2026-11-02T04:45:00Z') };
      expect(await store.countsByPeriod(bounded, { interval: 'day', timeZone: 'America/New_York' })).toEqual([{ period: '2026-11-01', counts: { 6: 1 } }]);
      await expect(store.countsByPeriod(filter, { interval: 'day', timeZone: 'Mars/Olympus' })).rejects.toThrow(RangeError);
    });

    it('breaks down by channel, touchpoint, locale and context keys, with null for answers without a value', async () => {
      const store = await create();
      await store.insert([...data, ...other], RECEIVED);
      const dims: [Dimension, (r: SurveyResponse) => string | null][] = [
        ['channel', (r) => r.channel],
        ['touchpoint', (r) => r.touchpoint ?? null],
        ['locale', (r) => r.locale],
        ['context.agent', (r) => r.context?.agent ?? null],
        ['context.missing', () => null],
      ];
      for (const [by, value] of dims) {
        for (const filter of [filters[0]!, filters[1]!, filters[2]!, filters[5]!, filters[3]!, filters[4]!, filters[11]!, filters[12]!, filters[13]!, filters[14]!]) {
          const groups = new Map<string | null, number[]>();
          for (const r of expected(data, filter)) groups.set(value(r), [...(groups.get(value(r)) ?? []), r.score]);
          const got = await store.countsByDimension(filter, by);
          expect(new Map(got.map((g) => [g.value, g.counts])), `${by} ${JSON.stringify(filter)}`).toEqual(
            new Map([...groups.entries()].map(([v, s]) => [v, tally(s)])),
          );
          const nonNull = got.filter((g) => g.value !== null).map((g) => Object.values(g.counts).reduce((a, b) => a + b, 0));
          expect(nonNull).toEqual([...nonNull].sort((a, b) => b - a));
          if (got.some((g) => g.value === null)) expect(got.at(-1)!.value).toBeNull();
        }
      }
      await expect(store.countsByDimension(filters[0]!, 'score' as Dimension)).rejects.toThrow(RangeError);
      await expect(store.countsByDimension(filters[0]!, "context.x') --" as Dimension)).rejects.toThrow(RangeError);
    });
  });
}
