import { describe, expect, it } from 'vitest';
import { coverSegments } from './count-cover.js';
import { MAX_TIME, MIN_TIME } from './report-plan.js';
import { COUNT_WIDTHS } from './sqlite-migrations.js';

const t = (iso: string) => Date.parse(iso);
const H = 3_600_000;
const D = 86_400_000;

describe('coverSegments', () => {
  it.each([
    ['a whole UTC day: one daily count', '2026-11-23T00:00Z', '2026-11-24T00:00Z', [[D, '2026-11-23T00:00Z', '2026-11-24T00:00Z']], []],
    ['a Tokyo day: 24 hourly counts, no raw rows', '2026-11-22T15:00Z', '2026-11-23T15:00Z', [[H, '2026-11-22T15:00Z', '2026-11-23T15:00Z']], []],
    [
      'a Kolkata day (+5:30): hourly counts and two raw half hours',
      '2026-11-22T18:30Z',
      '2026-11-23T18:30Z',
      [[H, '2026-11-22T19:00Z', '2026-11-23T18:00Z']],
      [['2026-11-22T18:30Z', '2026-11-22T19:00Z'], ['2026-11-23T18:00Z', '2026-11-23T18:30Z']],
    ],
    [
      'a Tokyo month: hours, whole days, hours',
      '2026-10-31T15:00Z',
      '2026-11-30T15:00Z',
      [[H, '2026-10-31T15:00Z', '2026-11-01T00:00Z'], [D, '2026-11-01T00:00Z', '2026-11-30T00:00Z'], [H, '2026-11-30T00:00Z', '2026-11-30T15:00Z']],
      [],
    ],
    [
      'a range ending at the request time: raw rows after the last whole hour',
      '2026-08-25T10:53:12.345Z',
      '2026-11-23T10:53:12.345Z',
      [[H, '2026-08-25T11:00Z', '2026-08-26T00:00Z'], [D, '2026-08-26T00:00Z', '2026-11-23T00:00Z'], [H, '2026-11-23T00:00Z', '2026-11-23T10:00Z']],
      [['2026-08-25T10:53:12.345Z', '2026-08-25T11:00Z'], ['2026-11-23T10:00Z', '2026-11-23T10:53:12.345Z']],
    ],
    ['less than an hour: raw rows only', '2026-06-01T10:05Z', '2026-06-01T10:55Z', [], [['2026-06-01T10:05Z', '2026-06-01T10:55Z']]],
    ['across an hour boundary but no whole hour: raw only', '2026-06-01T10:05Z', '2026-06-01T11:55Z', [], [['2026-06-01T10:05Z', '2026-06-01T11:55Z']]],
    ['empty', '2026-06-01T10:05Z', '2026-06-01T10:05Z', [], []],
  ])('%s', (_, from, to, counts, raw) => {
    const cover = coverSegments([{ key: 7, a: t(from), b: t(to) }]);
    expect(cover.counts).toEqual(counts.map(([width, a, b]) => ({ key: 7, width, a: t(a as string), b: t(b as string) })));
    expect(cover.raw).toEqual(raw.map(([a, b]) => ({ key: 7, a: t(a!), b: t(b!) })));
  });

  it('covers every instant of random segments exactly once, whole buckets only, for unbounded ranges too', () => {
    let seed = 1;
    const next = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const segments = Array.from({ length: 300 }, (_, key) => {
      const a = t('2025-01-01T00:00Z') + Math.floor(next() * 400 * D);
      return { key, a, b: a + Math.floor(next() ** 3 * 60 * D) };
    });
    segments.push({ key: 300, a: MIN_TIME, b: MAX_TIME });
    const cover = coverSegments(segments);
    for (const piece of cover.counts) {
      expect(COUNT_WIDTHS).toContain(piece.width);
      expect(Math.abs(piece.a % piece.width)).toBe(0);
      expect(Math.abs(piece.b % piece.width)).toBe(0);
      expect(piece.a).toBeLessThan(piece.b);
    }
    for (const segment of segments) {
      const parts = [...cover.counts, ...cover.raw].filter((p) => p.key === segment.key).sort((x, y) => x.a - y.a);
      const length = segment.b - segment.a;
      if (length === 0) continue;
      expect(parts[0]!.a).toBe(segment.a);
      expect(parts.at(-1)!.b).toBe(segment.b);
      parts.slice(1).forEach((p, i) => expect(p.a).toBe(parts[i]!.b));
      expect(cover.raw.filter((p) => p.key === segment.key).reduce((s, p) => s + p.b - p.a, 0)).toBeLessThan(2 * H);
    }
  });
});
