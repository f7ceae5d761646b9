import { z } from 'zod';
import { Kind } from './scales.js';

/** A confidence interval on a score's own unit (NPS points, CSAT percent, CES mean). */
export const ConfidenceInterval = z.object({
  low: z.number(),
  high: z.number(),
  confidence: z.number(),
});
/** `{ low, high, confidence }`. */
export type ConfidenceInterval = z.infer<typeof ConfidenceInterval>;

/** What `summarize` and `summarizeCounts` return: the score, its interval and the counts behind it. */
export const Summary = z.object({
  kind: Kind,
  n: z.number().int().nonnegative(),
  score: z.number().nullable(),
  ci: ConfidenceInterval.nullable(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  categories: z.record(z.string(), z.number().int().nonnegative()),
  agree: z.number().nullable().optional(),
});
/** A summary of one kind's answers. `counts` maps each scale value to its count; `agree` is CES only. */
export type Summary = z.infer<typeof Summary>;

/** The result of `compare`: two-sided test of a against b. */
export const Comparison = z.object({
  difference: z.number(),
  z: z.number(),
  p: z.number(),
  significant: z.boolean(),
  confidence: z.number(),
  method: z.string(),
});
/** `difference` is a.score − b.score; `z` the test statistic (t for CES); `p` its two-sided p-value. */
export type Comparison = z.infer<typeof Comparison>;

/** Options of `summarize`, `summarizeCounts` and `compare`. */
export interface SummaryOptions {
  /** Confidence level of the interval, between 0 and 1 (default 0.95). */
  confidence?: number;
}
