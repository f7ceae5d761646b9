import { SCALES, categorize, isOnScale, scaleValues, type Kind } from './scales.js';
import { normalQuantile, studentTQuantile } from './stats.js';
import type { ConfidenceInterval, Summary, SummaryOptions } from './summary-schema.js';

/** Counts of answers per scale value, as a SQL `GROUP BY score` returns them. */
export type ScoreCounts = Readonly<Record<number, number>>;

/** Checks a confidence level and returns it (default 0.95). */
export function confidenceOf(options?: SummaryOptions): number {
  const confidence = options?.confidence ?? 0.95;
  // The second test catches levels so close to 1 that 1 − α/2 rounds to 1, where no quantile exists.
  if (!(confidence > 0 && confidence < 1) || 1 - (1 - confidence) / 2 === 1) {
    throw new RangeError(`confidence must be between 0 and 1 (exclusive), got ${String(confidence)}`);
  }
  return confidence;
}

const clip = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Summarizes raw scores of one kind; throws a RangeError on any score off the scale. */
export function summarize(kind: Kind, scores: Iterable<number>, options?: SummaryOptions): Summary {
  const counts: Record<number, number> = {};
  for (const score of scores) {
    categorize(kind, score);
    counts[score] = (counts[score] ?? 0) + 1;
  }
  return summarizeCounts(kind, counts, options);
}

/** Summarizes counts per scale value; throws a RangeError on a value off the scale or a bad count. */
export function summarizeCounts(kind: Kind, counts: ScoreCounts, options?: SummaryOptions): Summary {
  const confidence = confidenceOf(options);
  const scale = SCALES[kind];
  if (!scale) throw new RangeError(`Unknown survey kind ${JSON.stringify(kind)}: expected nps, csat or ces`);
  const full: Record<string, number> = {};
  for (const v of scaleValues(kind)) full[v] = 0;
  for (const [key, count] of Object.entries(counts)) {
    // Number() would read '' as 0 and '1e1' as 10: only plain integers name a scale value.
    const value = /^-?\d+$/.test(key) ? Number(key) : NaN;
    if (!isOnScale(kind, value)) categorize(kind, value);
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`count for ${kind} score ${key} must be a non-negative integer, got ${String(count)}`);
    }
    full[value] = (full[value] ?? 0) + count;
  }
  const categories: Record<string, number> = {};
  for (const c of scale.categories) categories[c.name] = 0;
  let n = 0;
  for (const [key, count] of Object.entries(full)) {
    const name = categorize(kind, Number(key));
    categories[name] = (categories[name] ?? 0) + count;
    n += count;
  }
  const base = { kind, n, counts: full, categories };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  if (kind === 'nps') return { ...base, ...nps(n, categories.promoter ?? 0, categories.detractor ?? 0, z, confidence) };
  if (kind === 'csat') return { ...base, ...csat(n, categories.satisfied ?? 0, z, confidence) };
  return { ...base, ...ces(full, n, categories.easy ?? 0, confidence) };
}

/** z at 95%, the level Rocks' pseudo-counts are set for. */
const Z95 = 1.959963984540054;

function nps(n: number, promoters: number, detractors: number, z: number, confidence: number) {
  if (n === 0) return { score: null, ci: null };
  // Adjusted-Wald interval for NPS: Rocks (2016), "Interval estimation for the 'net promoter score'",
  // The American Statistician 70(4). Adds 3/4 to promoters and detractors and 3 to n at 95%. At other
  // levels the pseudo-counts scale with z², as Agresti–Coull's do: fixed ones left an 80% interval of
  // 40 promoters out of 40 at [86.8, 99.2], without the observed 100, and covering 60% at n = 10.
  const k = (z / Z95) ** 2;
  const n1 = n + 3 * k;
  const p1 = (promoters + 0.75 * k) / n1;
  const d1 = (detractors + 0.75 * k) / n1;
  const variance = p1 + d1 - (p1 - d1) ** 2;
  const half = z * Math.sqrt(variance / n1);
  const ci: ConfidenceInterval = {
    low: clip(100 * (p1 - d1 - half), -100, 100),
    high: clip(100 * (p1 - d1 + half), -100, 100),
    confidence,
  };
  return { score: (100 * (promoters - detractors)) / n, ci };
}

function csat(n: number, satisfied: number, z: number, confidence: number) {
  if (n === 0) return { score: null, ci: null };
  // Agresti & Coull (1998), "Approximate is better than 'exact' for interval estimation of binomial
  // proportions", The American Statistician 52(2): add z²/2 successes and z²/2 failures.
  const nt = n + z * z;
  const pt = (satisfied + (z * z) / 2) / nt;
  const half = z * Math.sqrt((pt * (1 - pt)) / nt);
  const ci: ConfidenceInterval = { low: clip(100 * (pt - half), 0, 100), high: clip(100 * (pt + half), 0, 100), confidence };
  return { score: (100 * satisfied) / n, ci };
}

function ces(counts: Record<string, number>, n: number, easy: number, confidence: number) {
  if (n === 0) return { score: null, ci: null, agree: null };
  let sum = 0;
  for (const [value, count] of Object.entries(counts)) sum += Number(value) * count;
  const mean = sum / n;
  const agree = (100 * easy) / n;
  if (n < 2) return { score: mean, ci: null, agree };
  // Student-t interval on the mean with the sample (n − 1) standard deviation.
  const sd = Math.sqrt(varianceOf(counts, mean, n));
  const half = (studentTQuantile(1 - (1 - confidence) / 2, n - 1) * sd) / Math.sqrt(n);
  // Clipped to the 1–7 scale, as NPS and CSAT intervals are clipped to theirs: the mean cannot leave it.
  return { score: mean, ci: { low: clip(mean - half, 1, 7), high: clip(mean + half, 1, 7), confidence }, agree };
}

/** The sample variance (n − 1 denominator) of values given as counts per value. */
export function varianceOf(counts: Readonly<Record<string, number>>, mean: number, n: number): number {
  let squares = 0;
  for (const [value, count] of Object.entries(counts)) squares += count * (Number(value) - mean) ** 2;
  return n > 1 ? squares / (n - 1) : 0;
}
