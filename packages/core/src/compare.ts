import { normalCdf, studentTCdf } from './stats.js';
import { confidenceOf, varianceOf } from './summarize.js';
import type { Comparison, Summary, SummaryOptions } from './summary-schema.js';

/**
 * Tests whether two summaries of one kind differ (two-sided); null when either side has too few answers
 * (no answer at all, or fewer than two for CES) or, for CES, when neither side has any spread and the means differ.
 */
export function compare(a: Summary, b: Summary, options?: SummaryOptions): Comparison | null {
  if (a.kind !== b.kind) throw new RangeError(`cannot compare a ${a.kind} summary with a ${b.kind} summary`);
  // By default the level both summaries were made at, when they agree; else 95%, whatever the order.
  const level = a.ci && b.ci && a.ci.confidence === b.ci.confidence ? { confidence: a.ci.confidence } : undefined;
  const confidence = confidenceOf(options ?? level);
  if (a.n === 0 || b.n === 0 || a.score === null || b.score === null) return null;
  const difference = a.score - b.score;
  const result = (z: number, p: number, method: string): Comparison => ({
    difference,
    z,
    p,
    significant: p < 1 - confidence,
    confidence,
    method,
  });
  if (a.kind === 'nps') {
    // A z-test of the observed difference with the adjusted-Wald variances of Rocks (2016),
    // z = (NPSa − NPSb) / √(Va/n′a + Vb/n′b). MeasuringU's version also puts the adjusted values in the
    // numerator, which pulls a small sample toward 0: 5 answers against 500 from the same population came
    // out "significant" at a nominal 20% in 91% of cases, often with z and the difference of opposite signs.
    const variance = (s: Summary) => {
      const n1 = s.n + 3;
      const p1 = ((s.categories.promoter ?? 0) + 0.75) / n1;
      const d1 = ((s.categories.detractor ?? 0) + 0.75) / n1;
      return (p1 + d1 - (p1 - d1) ** 2) / n1;
    };
    const z = difference / 100 / Math.sqrt(variance(a) + variance(b));
    return result(z, 2 * normalCdf(-Math.abs(z)), 'nps-adjusted-wald-z');
  }
  if (a.kind === 'csat') {
    // Agresti & Caffo (2000): add one success and one failure to each group, then the Wald z-test.
    const adjusted = (s: Summary) => {
      const p = ((s.categories.satisfied ?? 0) + 1) / (s.n + 2);
      return { p, v: (p * (1 - p)) / (s.n + 2) };
    };
    const x = adjusted(a);
    const y = adjusted(b);
    const z = (x.p - y.p) / Math.sqrt(x.v + y.v);
    // 2Φ(−|z|) rather than 2(1 − Φ(|z|)), which rounds to 0 past |z| ≈ 8.3.
    return result(z, 2 * normalCdf(-Math.abs(z)), 'csat-agresti-caffo-z');
  }
  if (a.n < 2 || b.n < 2) return null;
  // Welch (1947): unequal-variance t-test with Welch–Satterthwaite degrees of freedom.
  const va = varianceOf(a.counts, a.score, a.n) / a.n;
  const vb = varianceOf(b.counts, b.score, b.n) / b.n;
  const se = Math.sqrt(va + vb);
  // Neither side has any spread: equal means are no difference; unequal ones cannot be tested (t would be infinite).
  if (se === 0) return difference === 0 ? result(0, 1, 'ces-welch-t') : null;
  const t = difference / se;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return result(t, 2 * studentTCdf(-Math.abs(t), df), 'ces-welch-t');
}
