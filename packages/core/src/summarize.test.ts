import { describe, expect, it } from 'vitest';
import { scaleValues, type Kind } from './scales.js';
import { summarize, summarizeCounts } from './summarize.js';

const repeat = (value: number, times: number) => Array<number>(times).fill(value);

// Expected values computed by hand from the formulas in summarize.ts and checked with scipy 1.17.
describe('summarize: NPS (adjusted-Wald interval, Rocks 2016)', () => {
  const table: { name: string; scores: number[]; score: number; low: number; high: number; confidence?: number }[] = [
    { name: '5 promoters, 2 passives, 3 detractors', scores: [10, 10, 9, 9, 9, 8, 7, 6, 3, 0], score: 20, low: -30.32599443550416, high: 61.09522520473494 },
    // At other levels than 95% the pseudo-counts scale with (z / 1.96)².
    { name: 'the same at 90%', scores: [10, 10, 9, 9, 9, 8, 7, 6, 3, 0], score: 20, low: -23.602335337336218, high: 56.62497208585755, confidence: 0.9 },
    { name: '40 promoters of 40 at 80%: the interval holds the observed 100', scores: repeat(10, 40), score: 100, low: 92.63201550332329, high: 100, confidence: 0.8 },
    { name: 'n = 1 promoter', scores: [10], score: 100, low: -48.49864942025203, high: 98.49864942025202 },
    { name: 'n = 1 detractor', scores: [0], score: -100, low: -98.49864942025202, high: 48.49864942025203 },
    { name: 'all promoters (clipped at 100)', scores: repeat(9, 20), score: 100, low: 69.68334402543937, high: 100 },
    { name: 'all detractors (clipped at -100)', scores: repeat(5, 20), score: -100, low: -100, high: -69.68334402543937 },
    { name: '50/30/20 of 100', scores: [...repeat(10, 50), ...repeat(8, 30), ...repeat(2, 20)], score: 30, low: 14.051130178761607, high: 44.20129700570441 },
  ];
  it.each(table)('$name', ({ scores, score, low, high, confidence }) => {
    const s = summarize('nps', scores, confidence ? { confidence } : undefined);
    expect(s.n).toBe(scores.length);
    expect(s.score).toBeCloseTo(score, 10);
    expect(s.ci?.low).toBeCloseTo(low, 8);
    expect(s.ci?.high).toBeCloseTo(high, 8);
    expect(s.ci?.confidence).toBe(confidence ?? 0.95);
  });

  it('counts categories and every scale value', () => {
    const s = summarize('nps', [10, 10, 9, 8, 7, 6, 0]);
    expect(s.categories).toEqual({ promoter: 3, passive: 2, detractor: 2 });
    expect(s.counts).toEqual({ 0: 1, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 1, 7: 1, 8: 1, 9: 1, 10: 2 });
  });
});

describe('summarize: CSAT (top-2-box, Agresti–Coull interval)', () => {
  const table: { name: string; scores: number[]; score: number; low: number; high: number }[] = [
    { name: '3 of 5 satisfied', scores: [5, 4, 4, 3, 1], score: 60, low: 22.909015658835624, high: 88.40133504550087 },
    { name: 'n = 1 satisfied (clipped at 100)', scores: [5], score: 100, low: 16.7499485479413, high: 100 },
    { name: 'n = 1 dissatisfied (clipped at 0)', scores: [1], score: 0, low: 0, high: 83.2500514520587 },
    { name: 'all satisfied', scores: repeat(4, 10), score: 100, low: 67.91126942494543, high: 100 },
    { name: '80 of 100', scores: [...repeat(5, 80), ...repeat(2, 20)], score: 80, low: 71.04115896667793, high: 86.73923114090292 },
  ];
  it.each(table)('$name', ({ scores, score, low, high }) => {
    const s = summarize('csat', scores);
    expect(s.score).toBeCloseTo(score, 10);
    expect(s.ci?.low).toBeCloseTo(low, 8);
    expect(s.ci?.high).toBeCloseTo(high, 8);
  });
});

describe('summarize: CES (mean with Student-t interval, % agree)', () => {
  const table: { name: string; scores: number[]; score: number; agree: number; low: number | null; high: number | null }[] = [
    { name: 'five answers', scores: [7, 6, 5, 4, 2], score: 4.8, agree: 60, low: 2.4116116119000193, high: 7 },
    { name: 'two answers (clipped to 1–7)', scores: [3, 5], score: 4, agree: 50, low: 1, high: 7 },
    { name: 'all easy', scores: [...repeat(7, 10), ...repeat(6, 5)], score: 6.666666666666667, agree: 100, low: 6.396448943261314, high: 6.93688439007202 },
    { name: 'n = 1 has no interval', scores: [6], score: 6, agree: 100, low: null, high: null },
  ];
  it.each(table)('$name', ({ scores, score, agree, low, high }) => {
    const s = summarize('ces', scores);
    expect(s.score).toBeCloseTo(score, 10);
    expect(s.agree).toBeCloseTo(agree, 10);
    if (low === null) expect(s.ci).toBeNull();
    else {
      expect(s.ci?.low).toBeCloseTo(low, 8);
      expect(s.ci?.high).toBeCloseTo(high!, 8);
    }
  });
  it('upper bound before clipping matches the t interval', () => {
    // 4.8 + t(0.975, 4)·s/√5 = 7.18838838809998: above the scale, so it is clipped to 7.
    expect(summarize('ces', [7, 6, 5, 4, 2]).ci?.high).toBe(7);
  });
});

describe('summarize: edge cases', () => {
  it.each(['nps', 'csat', 'ces'] as Kind[])('%s with n = 0 has null score and interval, never NaN', (kind) => {
    const s = summarize(kind, []);
    expect(s.n).toBe(0);
    expect(s.score).toBeNull();
    expect(s.ci).toBeNull();
    expect(JSON.stringify(s)).not.toMatch(/NaN/);
    expect(Object.values(s.categories).every((c) => c === 0)).toBe(true);
  });
  it('throws on a score off the scale', () => {
    expect(() => summarize('csat', [3, 6])).toThrow(/csat score 6/);
  });
  it.each([95, 0, 1, 0.9999999999999999, Number.NaN])('rejects a confidence of %s, outside (0, 1) or too close to 1 for a quantile', (confidence) => {
    expect(() => summarize('nps', [9], { confidence })).toThrow(/confidence/);
  });
  it('rejects negative or fractional counts and values off the scale', () => {
    expect(() => summarizeCounts('nps', { 9: -1 })).toThrow(/non-negative integer/);
    expect(() => summarizeCounts('nps', { 9: 1.5 })).toThrow(/non-negative integer/);
    expect(() => summarizeCounts('csat', { 9: 1 })).toThrow(/csat score 9/);
  });
  it.each(['', ' ', '1e1', '0x9', '9.0'])('rejects the count key %j, which is no plain integer', (key) => {
    expect(() => summarizeCounts('nps', { [key]: 1 } as Record<number, number>)).toThrow(RangeError);
  });
});

describe('summarizeCounts agrees with summarize', () => {
  // A seeded generator, so a failure reproduces.
  let seed = 20261123;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (const kind of ['nps', 'csat', 'ces'] as Kind[]) {
    it(`${kind}: 200 random samples`, () => {
      const values = scaleValues(kind);
      for (let trial = 0; trial < 200; trial++) {
        const n = Math.floor(random() * 60);
        const scores = Array.from({ length: n }, () => values[Math.floor(random() * values.length)]!);
        const counts: Record<number, number> = {};
        for (const s of scores) counts[s] = (counts[s] ?? 0) + 1;
        const confidence = [0.8, 0.9, 0.95, 0.99][trial % 4]!;
        const a = summarize(kind, scores, { confidence });
        const b = summarizeCounts(kind, counts, { confidence });
        expect(b.n).toBe(a.n);
        expect(b.counts).toEqual(a.counts);
        expect(b.categories).toEqual(a.categories);
        if (a.score === null) expect(b.score).toBeNull();
        else expect(b.score).toBeCloseTo(a.score, 10);
        if (a.ci === null) expect(b.ci).toBeNull();
        else {
          expect(b.ci?.low).toBeCloseTo(a.ci.low, 10);
          expect(b.ci?.high).toBeCloseTo(a.ci.high, 10);
        }
      }
    });
  }
});
