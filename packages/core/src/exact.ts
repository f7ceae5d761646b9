import { logGamma } from './stats.js';

/** Promoters (or satisfied answers), detractors (0 for CSAT) and answers of one side. */
export type Tally = readonly [top: number, bottom: number, n: number];

const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

/**
 * Two-sided p of the exact conditional test that two samples come from one population: with every
 * category's total fixed, side a's answers are a multivariate hypergeometric draw, and p sums the chances
 * of every table whose score difference is at least as far from 0 as the one observed (for CSAT, with no
 * bottom category, this is Fisher's exact test ordered by the difference). The enumeration runs over the
 * smaller side: (n + 1)(n + 2) / 2 tables at most.
 */
export function exactConditionalP(a: Tally, b: Tally): number {
  const [small, large] = a[2] <= b[2] ? [a, b] : [b, a];
  const n = small[2];
  const total = n + large[2];
  const top = small[0] + large[0];
  const bottom = small[1] + large[1];
  const middle = total - top - bottom;
  // The difference of scores is a linear function of (top − bottom) on the small side, centred here.
  const centre = ((top - bottom) * n) / total;
  const observed = Math.abs(small[0] - small[1] - centre);
  const base = logChoose(total, n);
  let p = 0;
  for (let x = Math.max(0, n - middle - bottom); x <= Math.min(top, n); x++) {
    for (let y = Math.max(0, n - x - middle); y <= Math.min(bottom, n - x); y++) {
      // A relative tolerance: the observed table itself must count however its centre rounds.
      if (Math.abs(x - y - centre) < observed - 1e-9 * (1 + observed)) continue;
      p += Math.exp(logChoose(top, x) + logChoose(bottom, y) + logChoose(middle, n - x - y) - base);
    }
  }
  return Math.min(1, p);
}
