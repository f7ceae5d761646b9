import { describe, expect, it } from 'vitest';
import { compare } from './compare.js';
import { summarize, summarizeCounts } from './summarize.js';
import { normalQuantile } from './stats.js';

// Reference values computed with scipy 1.17 (norm.sf; ttest_ind(equal_var=False) for Welch).
describe('compare', () => {
  it('NPS: z-test of the observed difference with the variance pooled under the null', () => {
    const a = summarizeCounts('nps', { 10: 50, 8: 30, 2: 20 });
    const b = summarizeCounts('nps', { 10: 30, 8: 30, 2: 40 });
    const c = compare(a, b)!;
    expect(c.difference).toBeCloseTo(40, 10);
    expect(c.z).toBeCloseTo(3.4050261230349945, 9);
    expect(c.p).toBeCloseTo(0.0006615772481686558, 10);
    expect(c.method).toBe('nps-pooled-z');
    expect(c.significant).toBe(true);
  });
  it('NPS: a small difference is not significant', () => {
    const c = compare(summarizeCounts('nps', { 9: 12, 7: 5, 0: 8 }), summarizeCounts('nps', { 9: 10, 7: 6, 0: 9 }))!;
    expect(c.difference).toBeCloseTo(12, 10); // 16 − 4 points
    expect(c.z).toBeCloseTo(0.48349377841522817, 9);
    // Fewer than 100 answers a side: p from the exact conditional test.
    expect(c.p).toBeCloseTo(0.7501915307340126, 9);
    expect(c.method).toBe('nps-exact');
    expect(c.significant).toBe(false);
  });
  it('NPS: one answer against 200 is no evidence, and z keeps the sign of the difference', () => {
    const c = compare(summarizeCounts('nps', { 10: 1 }), summarizeCounts('nps', { 10: 190, 8: 10 }), { confidence: 0.9 })!;
    expect(c.difference).toBeCloseTo(5, 10);
    expect(c.z).toBeCloseTo(0.2293857036676883, 9);
    expect(c.p).toBe(1);
    expect(c.significant).toBe(false);
  });
  it.each([
    // One promoter against one detractor: the unpooled test called this p = 0.00016.
    [{ 10: 1 }, { 0: 1 }, 1.414213562373095, 1],
    // One detractor against 200 answers of one population: unpooled, p = 0.0016.
    [{ 0: 1 }, { 10: 100, 8: 40, 0: 60 }, -1.3700521163650747, 0.3034825870646766],
  ])('NPS: a single answer is no evidence: %o against %o', (x, y, z, p) => {
    const c = compare(summarizeCounts('nps', x), summarizeCounts('nps', y))!;
    expect(c.z).toBeCloseTo(z, 9);
    expect(c.p).toBeCloseTo(p, 9);
    expect(c.significant).toBe(false);
  });
  it('NPS: equal scores give z = 0 exactly, never a rounding error with a sign', () => {
    const c = compare(summarizeCounts('nps', { 0: 1, 7: 1 }), summarizeCounts('nps', { 10: 2, 0: 7, 7: 1 }))!;
    expect([c.difference, c.z, c.p]).toEqual([0, 0, 1]);
  });
  it('NPS and CSAT: every answer in one category on both sides is no difference', () => {
    expect(compare(summarizeCounts('nps', { 8: 3 }), summarizeCounts('nps', { 7: 5 }))).toMatchObject({ difference: 0, z: 0, p: 1 });
    expect(compare(summarizeCounts('csat', { 5: 3 }), summarizeCounts('csat', { 4: 5 }))).toMatchObject({ difference: 0, z: 0, p: 1 });
  });
  it('NPS: at most 5% false alarms at a nominal 5%, counted over every outcome of two samples from one population', () => {
    // Multinomial probabilities of (promoters, detractors) in n answers drawn with shares 0.5 / 0.3 (0.2 passive).
    const outcomes = (n: number) => {
      const factorial = (k: number): number => (k < 2 ? 1 : k * factorial(k - 1));
      const list: { counts: Record<number, number>; chance: number }[] = [];
      for (let p = 0; p <= n; p++) {
        for (let d = 0; p + d <= n; d++) {
          const chance = (factorial(n) / (factorial(p) * factorial(d) * factorial(n - p - d))) * 0.5 ** p * 0.3 ** d * 0.2 ** (n - p - d);
          list.push({ counts: { 10: p, 0: d, 7: n - p - d }, chance });
        }
      }
      return list;
    };
    // Reference rates from the same enumeration in Python with exact fractions.
    for (const [na, nb, expected] of [[1, 1, 0], [2, 2, 0], [5, 5, 0.0241], [10, 10, 0.0252]] as const) {
      // Summarized once per outcome, not once per pair.
      const xs = outcomes(na).map((x) => ({ ...x, summary: summarizeCounts('nps', x.counts) }));
      const ys = na === nb ? xs : outcomes(nb).map((y) => ({ ...y, summary: summarizeCounts('nps', y.counts) }));
      let alarms = 0;
      for (const x of xs) for (const y of ys) if (compare(x.summary, y.summary)!.significant) alarms += x.chance * y.chance;
      expect(alarms).toBeCloseTo(expected, 4);
      expect(alarms).toBeLessThanOrEqual(0.05);
    }
  });
  it('p keeps its digits far in the tails, where 1 − Φ(|z|) would round to 0', () => {
    const c = compare(summarizeCounts('csat', { 5: 700, 1: 300 }), summarizeCounts('csat', { 5: 500, 1: 500 }))!;
    expect(c.z).toBeCloseTo(9.128709291752767, 9);
    expect(c.p / 6.932079668133903e-20).toBeCloseTo(1, 6);
  });
  it('CSAT: pooled two-proportion z-test', () => {
    const c = compare(summarizeCounts('csat', { 5: 80, 1: 20 }), summarizeCounts('csat', { 4: 60, 2: 40 }))!;
    expect(c.difference).toBeCloseTo(20, 10);
    expect(c.z).toBeCloseTo(3.086066999241839, 9);
    expect(c.p).toBeCloseTo(0.0020282311484520776, 9);
    expect(c.significant).toBe(true);
    expect(c.method).toBe('csat-pooled-z');
  });
  it('CSAT: z keeps the sign of the difference', () => {
    const c = compare(summarizeCounts('csat', { 5: 1 }), summarizeCounts('csat', { 5: 9, 1: 1 }))!;
    expect(c.difference).toBeCloseTo(10, 10);
    expect(c.z).toBeCloseTo(0.33166247903553986, 9);
    expect(c.p).toBe(1);
  });
  it('CSAT: one unhappy answer against 1,000 is no evidence (exact test; the pooled z-test said p = 0.018)', () => {
    const c = compare(summarizeCounts('csat', { 1: 1 }), summarizeCounts('csat', { 5: 850, 2: 150 }))!;
    expect(c.difference).toBeCloseTo(-85, 10);
    expect(c.p).toBeCloseTo(0.15084915084915085, 9);
    expect(c.significant).toBe(false);
    expect(c.method).toBe('csat-exact');
  });
  it("CES: Welch's t-test", () => {
    const c = compare(summarize('ces', [7, 6, 6, 5, 5, 4, 7, 6]), summarize('ces', [4, 3, 5, 2, 4, 6, 3]))!;
    expect(c.difference).toBeCloseTo(1.8928571428571428, 10);
    expect(c.z).toBeCloseTo(3.0215907787515146, 8);
    expect(c.p).toBeCloseTo(0.011363752834871774, 8);
    expect(c.significant).toBe(true);
    expect(c.method).toBe('ces-welch-t');
  });
  it('CES with no spread on either side: no difference, or the exact permutation test (never an infinite z)', () => {
    expect(compare(summarize('ces', [5, 5]), summarize('ces', [5, 5]))).toMatchObject({ difference: 0, z: 0, p: 1, significant: false });
    // [difference, p, significant]: p = (1, or 2 with equal sizes) / C(na + nb, na).
    const cases: [number[], number[], number, number, boolean][] = [
      [[7, 7], [6, 6], 1, 2 / 6, false],
      [[7, 7, 7], [6, 6, 6], 1, 2 / 20, false],
      [[7, 7, 7, 7, 7], [6, 6, 6, 6], 1, 1 / 126, true],
      [[2, 2, 2, 2], [6, 6, 6, 6, 6], -4, 1 / 126, true],
      [[4, 4, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], -1, 2 / 924, true],
    ];
    for (const [a, b, difference, p, significant] of cases) {
      const c = compare(summarize('ces', a), summarize('ces', b))!;
      expect(c).toMatchObject({ difference, significant, method: 'ces-exact' });
      expect(c.p).toBeCloseTo(p, 12);
      // z: the normal deviate with the same two-sided p, with the difference's sign.
      expect(c.z).toBeCloseTo(Math.sign(difference) * -normalQuantile(p / 2), 8);
    }
    const huge = compare(summarizeCounts('ces', { 7: 5000 }), summarizeCounts('ces', { 6: 5000 }))!;
    expect(huge.p).toBe(0);
    expect(huge.z).toBeCloseTo(37.03, 2);
    expect(JSON.parse(JSON.stringify(huge))).toEqual(huge);
  });
  it('defaults to the level both summaries share, else 95%, whatever the order', () => {
    const a = summarize('ces', [7, 6, 6, 5, 5, 4, 7, 6, 7, 6], { confidence: 0.8 });
    const b = summarize('ces', [4, 3, 5, 2, 4, 6, 3, 5, 6, 5], { confidence: 0.95 });
    expect(compare(a, b)!.confidence).toBe(0.95);
    expect(compare(b, a)!.confidence).toBe(0.95);
    expect(compare(a, summarize('ces', [5, 6], { confidence: 0.8 }))!.confidence).toBe(0.8);
  });
  it('a stricter confidence can turn a result insignificant', () => {
    const a = summarize('ces', [7, 6, 6, 5, 5, 4, 7, 6]);
    const b = summarize('ces', [4, 3, 5, 2, 4, 6, 3]);
    expect(compare(a, b, { confidence: 0.99 })?.significant).toBe(false);
  });
  it('is null when a side is empty, or has one CES answer', () => {
    expect(compare(summarize('nps', []), summarize('nps', [9]))).toBeNull();
    expect(compare(summarize('ces', [5]), summarize('ces', [5, 6]))).toBeNull();
  });
  it('refuses to compare different kinds', () => {
    expect(() => compare(summarize('nps', [9]), summarize('csat', [4]))).toThrow(/nps summary with a csat/);
  });
});
