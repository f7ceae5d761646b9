import { normalCdf, studentTCdf } from './stats.js';
import { confidenceOf, varianceOf } from './summarize.js';
import type { Comparison, Summary, SummaryOptions } from './summary-schema.js';

/**
 * Tests whether two summaries of one kind differ (two-sided); null when either side has too few answers
 * (no answer at all, or fewer than two for CES).
 */
export function compare(a: Summary, b: Summary, options?: SummaryOptions): Comparison | null {
  if (a.kind !== b.kind) throw new RangeError(`cannot compare a ${a.kind} summary with a ${b.kind} summary`);
  const confidence = confidenceOf(options ?? (a.ci ? { confidence: a.ci.confidence } : undefined));
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
    // MeasuringU (Sauro, "Comparing two Net Promoter Scores"): a z-test on the adjusted-Wald values of
    // Rocks (2016), z = ((p′a − d′a) − (p′b − d′b)) / √(Va/n′a + Vb/n′b).
    const adjusted = (s: Summary) => {
      const n1 = s.n + 3;
      const p1 = ((s.categories.promoter ?? 0) + 0.75) / n1;
      const d1 = ((s.categories.detractor ?? 0) + 0.75) / n1;
      return { net: p1 - d1, v: (p1 + d1 - (p1 - d1) ** 2) / n1 };
    };
    const x = adjusted(a);
    const y = adjusted(b);
    const z = (x.net - y.net) / Math.sqrt(x.v + y.v);
    return result(z, 2 * (1 - normalCdf(Math.abs(z))), 'nps-adjusted-wald-z');
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
    return result(z, 2 * (1 - normalCdf(Math.abs(z))), 'csat-agresti-caffo-z');
  }
  if (a.n < 2 || b.n < 2) return null;
  // Welch (1947): unequal-variance t-test with Welch–Satterthwaite degrees of freedom.
  const va = varianceOf(a.counts, a.score, a.n) / a.n;
  const vb = varianceOf(b.counts, b.score, b.n) / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return result(difference === 0 ? 0 : Math.sign(difference) * Infinity, difference === 0 ? 1 : 0, 'ces-welch-t');
  const t = difference / se;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return result(t, 2 * (1 - studentTCdf(Math.abs(t), df)), 'ces-welch-t');
}
