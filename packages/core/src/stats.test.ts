import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, studentTCdf, studentTQuantile } from './stats.js';

// Reference values from scipy.stats 1.17 (norm.ppf, norm.cdf, t.ppf, t.cdf).
describe('normal distribution', () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.95, 1.6448536269514722],
    [0.995, 2.5758293035489004],
    [1e-6, -4.753424308822899],
    [0.5, 0],
  ])('quantile(%d) = %d', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 9);
  });
  it.each([
    [-1.5, 0.06680720126885807],
    [3.2, 0.9993128620620841],
    [0, 0.5],
  ])('cdf(%d) = %d', (x, p) => {
    expect(normalCdf(x)).toBeCloseTo(p, 12);
  });
  it('rejects p outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1.2)).toThrow(RangeError);
  });
});

describe("Student's t distribution", () => {
  it.each([
    [0.975, 1, 12.706204736174694],
    [0.975, 9, 2.262157162798205],
    [0.975, 29, 2.045229642132703],
    [0.995, 4.5, 4.272823993011293],
    [0.025, 9, -2.262157162798205],
  ])('quantile(%d, df %d) = %d', (p, df, t) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(t, 8);
  });
  it('cdf with fractional degrees of freedom', () => {
    expect(studentTCdf(2.1, 7.3)).toBeCloseTo(0.9638766432875733, 10);
    expect(studentTCdf(-2.1, 7.3)).toBeCloseTo(1 - 0.9638766432875733, 10);
  });
});
