import { describe, expect, it } from 'vitest';
import { compare } from './compare.js';
import { summarize, summarizeCounts } from './summarize.js';

// Reference values computed with scipy 1.17 (norm.sf; ttest_ind(equal_var=False) for Welch).
describe('compare', () => {
  it('NPS: z-test of the observed difference with adjusted-Wald variances', () => {
    const a = summarizeCounts('nps', { 10: 50, 8: 30, 2: 20 });
    const b = summarizeCounts('nps', { 10: 30, 8: 30, 2: 40 });
    const c = compare(a, b)!;
    expect(c.difference).toBeCloseTo(40, 10);
    expect(c.z).toBeCloseTo(3.568587713353851, 9);
    expect(c.p).toBeCloseTo(0.0003589106984969506, 10);
    expect(c.significant).toBe(true);
  });
  it('NPS: a small difference is not significant', () => {
    const c = compare(summarizeCounts('nps', { 9: 12, 7: 5, 0: 8 }), summarizeCounts('nps', { 9: 10, 7: 6, 0: 9 }))!;
    expect(c.difference).toBeCloseTo(12, 10); // 16 − 4 points
    expect(c.z).toBeCloseTo(0.5222477469861374, 9);
    expect(c.p).toBeCloseTo(0.6014978456350746, 9);
    expect(c.significant).toBe(false);
  });
  it('NPS: one answer against 200 is no evidence, and z keeps the sign of the difference', () => {
    const c = compare(summarizeCounts('nps', { 10: 1 }), summarizeCounts('nps', { 10: 190, 8: 10 }), { confidence: 0.9 })!;
    expect(c.difference).toBeCloseTo(5, 10);
    expect(c.z).toBeCloseTo(0.13317637823020825, 9);
    expect(c.p).toBeCloseTo(0.8940538918635886, 9);
    expect(c.significant).toBe(false);
  });
  it('p keeps its digits far in the tails, where 1 − Φ(|z|) would round to 0', () => {
    const c = compare(summarizeCounts('csat', { 5: 700, 1: 300 }), summarizeCounts('csat', { 5: 500, 1: 500 }))!;
    expect(c.z).toBeCloseTo(9.314122137898542, 9);
    expect(c.p / 1.2296515707921422e-20).toBeCloseTo(1, 6);
  });
  it('CSAT: Agresti–Caffo two-proportion z-test', () => {
    const c = compare(summarizeCounts('csat', { 5: 80, 1: 20 }), summarizeCounts('csat', { 4: 60, 2: 40 }))!;
    expect(c.difference).toBeCloseTo(20, 10);
    expect(c.z).toBeCloseTo(3.11603306556317, 9);
    expect(c.p).toBeCloseTo(0.0018330171771013455, 9);
    expect(c.significant).toBe(true);
  });
  it("CES: Welch's t-test", () => {
    const c = compare(summarize('ces', [7, 6, 6, 5, 5, 4, 7, 6]), summarize('ces', [4, 3, 5, 2, 4, 6, 3]))!;
    expect(c.difference).toBeCloseTo(1.8928571428571428, 10);
    expect(c.z).toBeCloseTo(3.0215907787515146, 8);
    expect(c.p).toBeCloseTo(0.011363752834871774, 8);
    expect(c.significant).toBe(true);
    expect(c.method).toBe('ces-welch-t');
  });
  it('CES with no spread on either side: no difference, or no test (never an infinite z)', () => {
    expect(compare(summarize('ces', [5, 5]), summarize('ces', [5, 5]))).toMatchObject({ difference: 0, z: 0, p: 1, significant: false });
    expect(compare(summarize('ces', [7, 7, 7]), summarize('ces', [6, 6, 6]))).toBeNull();
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
