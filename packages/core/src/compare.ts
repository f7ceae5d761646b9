import { exactConditionalP } from './exact.js';
import { logGamma, normalCdf, normalQuantile, studentTCdf } from './stats.js';
import { confidenceOf, varianceOf } from './summarize.js';
import type { Comparison, Summary, SummaryOptions } from './summary-schema.js';

/** Below this many answers on either side, NPS and CSAT comparisons take p from an exact test (at most 5,050 tables). */
export const EXACT_BELOW = 100;

/**
 * Tests whether two summaries of one kind differ (two-sided); null when either side has too few answers
 * (no answer at all, or fewer than two for CES).
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
  // NPS and CSAT: z-tests of the observed difference with the variance pooled under the null hypothesis
  // (both samples from one population), so z always has the difference's sign. Unpooled adjusted-Wald
  // variances (MeasuringU's, and koe's before) are too small for small samples: enumerating every outcome
  // of two samples from one population (50% promoters, 30% detractors), 1 against 1 came out significant at
  // a nominal 5% in 62% of cases and 1 against 200 in 71%; pooled, in at most 7.4% of cases for the sizes
  // and populations enumerated (2 to 30 a side, 5 against 500), and never 1 against 1 (1 promoter against
  // 1 detractor: p = 0.16). Agresti–Caffo's CSAT test could even give z the opposite sign to the difference.
  // Below EXACT_BELOW answers on a side, p comes from the exact conditional test instead (z stays the
  // pooled one): with few answers against many, the z-test still called one unhappy answer against 1,000
  // of one population (85% satisfied) significant in 15% of cases at a nominal 5%.
  const pooled = (tally: (s: Summary) => [number, number], kind: string) => {
    const [ta, ba] = tally(a);
    const [tb, bb] = tally(b);
    const p = (ta + tb) / (a.n + b.n);
    const d = (ba + bb) / (a.n + b.n);
    // The multinomial variance of (promoter − detractor) per answer; a proportion's when d is always 0.
    const variance = p + d - (p - d) ** 2;
    const exact = Math.min(a.n, b.n) < EXACT_BELOW;
    const method = `${kind}-${exact ? 'exact' : 'pooled-z'}`;
    // Every answer in one category on both sides: the scores are equal.
    if (variance === 0) return result(0, 1, method);
    // The summaries' own difference as numerator: recomputed from shares, a 0 could come out as −6e−17.
    const z = difference / 100 / Math.sqrt(variance * (1 / a.n + 1 / b.n));
    // 2Φ(−|z|) rather than 2(1 − Φ(|z|)), which rounds to 0 past |z| ≈ 8.3.
    return result(z, exact ? exactConditionalP([ta, ba, a.n], [tb, bb, b.n]) : 2 * normalCdf(-Math.abs(z)), method);
  };
  if (a.kind === 'nps') return pooled((s) => [s.categories.promoter ?? 0, s.categories.detractor ?? 0], 'nps');
  if (a.kind === 'csat') return pooled((s) => [s.categories.satisfied ?? 0, 0], 'csat');
  if (a.n < 2 || b.n < 2) return null;
  // Welch (1947): unequal-variance t-test with Welch–Satterthwaite degrees of freedom.
  const va = varianceOf(a.counts, a.score, a.n) / a.n;
  const vb = varianceOf(b.counts, b.score, b.n) / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) {
    // Neither side has any spread: equal means are no difference. Unequal ones would make t infinite; the
    // exact permutation test still applies: of the C(na + nb, na) ways to deal the pooled answers into
    // sides of these sizes, only the observed one (and its mirror, when the sides are equal in size) is this
    // far apart. z is the normal deviate with the same p, held finite where p underflows.
    if (difference === 0) return result(0, 1, 'ces-welch-t');
    const p = Math.min(1, (a.n === b.n ? 2 : 1) * Math.exp(-logChoose(a.n + b.n, a.n)));
    return result(-Math.sign(difference) * normalQuantile(Math.max(p / 2, 1e-300)), p, 'ces-exact');
  }
  const t = difference / se;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return result(t, 2 * studentTCdf(-Math.abs(t), df), 'ces-welch-t');
}

/** ln C(n, k), through ln Γ so that large samples do not overflow. */
const logChoose = (n: number, k: number): number => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
