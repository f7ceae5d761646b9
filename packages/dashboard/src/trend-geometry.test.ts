import { describe, expect, it } from 'vitest';
import type { Summary } from '@koe/core';
import type { TrendPoint } from './api.js';
import { scoreDomain, trendGeometry, type ChartBox } from './trend-geometry.js';

const BOX: ChartBox = { width: 220, height: 120, left: 10, right: 10, top: 10, bottom: 10 };

function point(period: string, score: number | null, ci?: [number, number]): TrendPoint {
  const summary: Summary = { kind: 'nps', n: 10, score, ci: ci ? { low: ci[0], high: ci[1], confidence: 0.95 } : null, counts: {}, categories: {} };
  return { period, summary };
}

describe('scoreDomain', () => {
  it.each([
    ['nps', [-100, 100]],
    ['csat', [0, 100]],
    ['ces', [1, 7]],
  ] as const)('%s', (kind, domain) => expect(scoreDomain(kind)).toEqual(domain));
});

describe('trendGeometry', () => {
  it('places periods by date and scores on the whole scale', () => {
    // Nov 1, Nov 2 and Nov 5: the gap of two days without answers stays a gap.
    const g = trendGeometry([point('2026-11-01', -100), point('2026-11-02', 0), point('2026-11-05', 100)], 'nps', BOX);
    expect(g.dots.map((d) => [d.x, d.y])).toEqual([
      [10, 110],
      [60, 60],
      [210, 10],
    ]);
    expect(g.line).toBe('10,110 60,60 210,10');
    expect(g.ticks.map((t) => t.value)).toEqual([-100, -50, 0, 50, 100]);
    expect(g.ticks[0]!.y).toBe(110);
  });

  it('draws the band from each upper bound, then back along the lower bounds', () => {
    const g = trendGeometry([point('2026-11-01', 0, [-50, 50]), point('2026-11-03', 0, [-100, 100])], 'nps', BOX);
    expect(g.band).toBe('10,35 210,10 210,110 10,85');
  });

  it('skips periods without a score and bands without intervals, and centres a single point', () => {
    const g = trendGeometry([point('2026-11-01', null), point('2026-11-02', 50)], 'nps', BOX);
    expect(g.dots).toHaveLength(1);
    expect(g.dots[0]!.x).toBe(110);
    expect(g.band).toBe('');
    expect(trendGeometry([], 'csat', BOX).dots).toEqual([]);
  });

  it('clips values outside the scale to its edges', () => {
    const g = trendGeometry([point('2026-11-01', 0, [-130, 120]), point('2026-11-02', 0, [-130, 120])], 'nps', BOX);
    expect(g.band).toBe('10,10 210,10 210,110 10,110');
  });
});
