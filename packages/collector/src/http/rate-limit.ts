/** The outcome of counting one request: allowed, or refused with the seconds until the window resets. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts requests per key in fixed one-minute windows. The whole map is dropped when a window ends, so memory
 * stays bounded by the keys seen in one minute. Per process: several collectors each allow the full rate.
 */
export class RateLimiter {
  #windowStart = -1;
  #counts = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts a request for `key` against `limit` per window; a limit of 0 means unlimited. */
  hit(key: string, limit: number): RateDecision {
    if (limit <= 0) return { allowed: true };
    const now = this.#roll();
    const count = (this.#counts.get(key) ?? 0) + 1;
    this.#counts.set(key, count);
    return count <= limit ? { allowed: true } : this.#refusal(now);
  }

  /** Whether `key` already used up `limit` in this window, without counting anything. */
  check(key: string, limit: number): RateDecision {
    if (limit <= 0) return { allowed: true };
    const now = this.#roll();
    return (this.#counts.get(key) ?? 0) < limit ? { allowed: true } : this.#refusal(now);
  }

  #roll(): number {
    const now = this.now();
    const start = now - (now % this.windowMs);
    if (start !== this.#windowStart) {
      this.#windowStart = start;
      this.#counts = new Map();
    }
    return now;
  }

  #refusal(now: number): RateDecision {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((this.#windowStart + this.windowMs - now) / 1000)) };
  }
}
