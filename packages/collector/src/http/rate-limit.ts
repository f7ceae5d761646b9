/** The outcome of counting one request: allowed, or refused with the seconds until the window resets. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Where several collector processes add up their counts (PostgresStore is one). */
export interface SharedRateCounts {
  /** Adds each key's new hits to the window's shared counts; resolves to those keys' totals over every process. */
  exchangeRateCounts(windowStart: number, hits: ReadonlyMap<string, number>): Promise<Map<string, number>>;
}

/** Options of a `RateLimiter`. */
export interface RateLimiterOptions {
  /** The length of a window, in ms (default 60,000). */
  windowMs?: number;
  /** Counts shared with other processes: without it, each process allows the full rate on its own. */
  shared?: SharedRateCounts;
  /** How often new hits are exchanged with `shared`, in ms (default 1000). */
  syncMs?: number;
  /** Called when an exchange fails (the limiter then goes on with what it knows); default: ignored. */
  onSyncError?: (error: unknown) => void;
}

/**
 * Counts requests per key in fixed windows. The maps are dropped when a window ends, so memory stays
 * bounded by the keys seen in one window. With `shared`, hits are also sent there at most every
 * `syncMs`, off the request path, and a key's count is the other processes' total as last heard plus this
 * process's own hits: together they allow the limit plus at most what the others admitted since.
 */
export class RateLimiter {
  readonly #now: () => number;
  readonly #windowMs: number;
  readonly #shared: SharedRateCounts | undefined;
  readonly #syncMs: number;
  readonly #onSyncError: (error: unknown) => void;
  #windowStart = -1;
  /** This process's hits in the window. */
  #counts = new Map<string, number>();
  /** Of those, how many the shared store has been sent, and how many its last answer included. */
  #sent = new Map<string, number>();
  #heard = new Map<string, number>();
  /** The totals of every process, as the shared store last answered. */
  #totals = new Map<string, number>();
  /** Keys with hits not yet sent: an exchange reads these, not every key of the window. */
  #unsent = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #syncing: Promise<void> | null = null;

  constructor(now: () => number, options: RateLimiterOptions | number = {}) {
    const { windowMs = 60_000, shared, syncMs = 1000, onSyncError = () => {} } = typeof options === 'number' ? { windowMs: options } : options;
    this.#now = now;
    this.#windowMs = windowMs;
    this.#shared = shared;
    this.#syncMs = syncMs;
    this.#onSyncError = onSyncError;
  }

  /** Counts a request for `key` against `limit` per window; a limit of 0 means unlimited. */
  hit(key: string, limit: number): RateDecision {
    if (limit <= 0) return { allowed: true };
    const now = this.#roll();
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    if (this.#shared) {
      this.#unsent.add(key);
      this.#later();
    }
    return this.#count(key) <= limit ? { allowed: true } : this.#refusal(now);
  }

  /** Whether `key` already used up `limit` in this window, without counting anything. */
  check(key: string, limit: number): RateDecision {
    if (limit <= 0) return { allowed: true };
    const now = this.#roll();
    return this.#count(key) < limit ? { allowed: true } : this.#refusal(now);
  }

  /** Sends the hits not yet shared and takes in the totals; resolves when done (failures go to `onSyncError`). */
  sync(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    // One exchange at a time: hits counted meanwhile go with the next one.
    this.#syncing ??= this.#exchange().finally(() => {
      this.#syncing = null;
      if (this.#unsent.size > 0) this.#later();
    });
    return this.#syncing;
  }

  #later(): void {
    if (this.#timer === null) this.#timer = unref(setTimeout(() => void this.sync(), this.#syncMs));
  }

  async #exchange(): Promise<void> {
    if (!this.#shared) return;
    this.#roll();
    const window = this.#windowStart;
    const hits = new Map<string, number>();
    for (const key of this.#unsent) hits.set(key, this.#counts.get(key)! - (this.#sent.get(key) ?? 0));
    this.#unsent = new Set();
    if (hits.size === 0) return;
    const sent = this.#sent;
    for (const [key, n] of hits) sent.set(key, (sent.get(key) ?? 0) + n);
    const snapshot = new Map([...hits.keys()].map((key) => [key, sent.get(key)!]));
    try {
      const totals = await this.#shared.exchangeRateCounts(window, hits);
      if (window !== this.#windowStart) return;
      for (const [key, included] of snapshot) {
        const total = totals.get(key);
        if (total === undefined) continue;
        this.#totals.set(key, total);
        this.#heard.set(key, included);
      }
    } catch (error) {
      // What was not shared is sent again with the next exchange.
      if (window === this.#windowStart) {
        for (const [key, n] of hits) {
          sent.set(key, sent.get(key)! - n);
          this.#unsent.add(key);
        }
      }
      this.#onSyncError(error);
    }
  }

  /** Every process's hits on `key` as last heard, plus this process's own since. */
  #count(key: string): number {
    return (this.#totals.get(key) ?? 0) + (this.#counts.get(key) ?? 0) - (this.#heard.get(key) ?? 0);
  }

  #roll(): number {
    const now = this.#now();
    const start = now - (now % this.#windowMs);
    if (start !== this.#windowStart) {
      this.#windowStart = start;
      this.#counts = new Map();
      this.#sent = new Map();
      this.#heard = new Map();
      this.#totals = new Map();
      this.#unsent = new Set();
    }
    return now;
  }

  #refusal(now: number): RateDecision {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((this.#windowStart + this.#windowMs - now) / 1000)) };
  }
}

// The sync timer must never keep a process alive that has nothing else to do.
const unref = <T>(timer: T): T => {
  (timer as { unref?: () => void }).unref?.();
  return timer;
};
