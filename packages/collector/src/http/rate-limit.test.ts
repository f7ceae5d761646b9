import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter, type SharedRateCounts } from './rate-limit.js';

describe('RateLimiter', () => {
  it('allows the limit per key per minute, then tells how long to wait', () => {
    let now = 120_000 + 45_000;
    const limiter = new RateLimiter(() => now);
    expect(limiter.hit('a', 2)).toEqual({ allowed: true });
    expect(limiter.hit('a', 2)).toEqual({ allowed: true });
    expect(limiter.hit('a', 2)).toEqual({ allowed: false, retryAfterSeconds: 15 });
    expect(limiter.hit('b', 2)).toEqual({ allowed: true });
    now += 15_000;
    expect(limiter.hit('a', 2)).toEqual({ allowed: true });
  });

  it('never limits with a limit of 0', () => {
    const limiter = new RateLimiter(() => 0);
    for (let i = 0; i < 1000; i++) expect(limiter.hit('a', 0).allowed).toBe(true);
  });

  it('checks a key without counting it', () => {
    let now = 30_000;
    const limiter = new RateLimiter(() => now);
    expect(limiter.check('a', 2)).toEqual({ allowed: true });
    limiter.hit('a', 2);
    expect(limiter.check('a', 2)).toEqual({ allowed: true });
    limiter.hit('a', 2);
    expect(limiter.check('a', 2)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.check('a', 2)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.check('a', 0)).toEqual({ allowed: true });
    now = 60_000;
    expect(limiter.check('a', 2)).toEqual({ allowed: true });
  });

  describe('with counts shared by several processes', () => {
    /** What PostgresRateCounts does, in memory: totals per window and key, added to by every exchange. */
    class MemoryCounts implements SharedRateCounts {
      totals = new Map<string, number>();
      exchanges = 0;
      failing = false;
      async exchangeRateCounts(windowStart: number, hits: ReadonlyMap<string, number>): Promise<Map<string, number>> {
        this.exchanges += 1;
        if (this.failing) throw new Error('database away');
        const out = new Map<string, number>();
        for (const [key, n] of hits) {
          const id = `${windowStart}/${key}`;
          this.totals.set(id, (this.totals.get(id) ?? 0) + n);
          out.set(key, this.totals.get(id)!);
        }
        return out;
      }
    }
    const at = { now: 0 };
    beforeEach(() => {
      at.now = 600_000;
    });
    const processes = (shared: SharedRateCounts, n = 2) => Array.from({ length: n }, () => new RateLimiter(() => at.now, { shared, syncMs: 60_000 }));

    it('refuses, in every process, a key whose total over all of them passed the limit', async () => {
      const shared = new MemoryCounts();
      const [a, b] = processes(shared);
      expect([a!.hit('ip', 3), a!.hit('ip', 3)].every((d) => d.allowed)).toBe(true);
      await a!.sync();
      expect(b!.hit('ip', 3).allowed).toBe(true); // b has not heard of a's hits yet
      await b!.sync();
      expect(shared.totals.get('600000/ip')).toBe(3);
      expect(b!.check('ip', 3).allowed).toBe(false);
      expect(b!.hit('ip', 3)).toEqual({ allowed: false, retryAfterSeconds: 60 });
      // a learns the total with its next exchange, and counts its own hits meanwhile.
      expect(a!.hit('ip', 3).allowed).toBe(true);
      await a!.sync();
      expect(a!.hit('ip', 3).allowed).toBe(false);
      expect(a!.hit('other', 3).allowed).toBe(true);
    });

    it('sends each hit once, and none when nothing happened', async () => {
      const shared = new MemoryCounts();
      const [a] = processes(shared, 1);
      await a!.sync();
      expect(shared.exchanges).toBe(0);
      for (let i = 0; i < 5; i++) a!.hit('ip', 100);
      await Promise.all([a!.sync(), a!.sync()]);
      a!.hit('ip', 100);
      await a!.sync();
      await a!.sync();
      expect(shared.totals.get('600000/ip')).toBe(6);
      expect(shared.exchanges).toBe(2);
    });

    it('exchanges on its own, off the request path, once a hit is counted', async () => {
      const shared = new MemoryCounts();
      const limiter = new RateLimiter(() => at.now, { shared, syncMs: 5 });
      limiter.hit('ip', 10);
      expect(shared.exchanges).toBe(0);
      await vi.waitFor(() => expect(shared.totals.get('600000/ip')).toBe(1));
    });

    it('counts the hits made while an exchange is on its way once, whatever the answer brings', async () => {
      const shared = new MemoryCounts();
      shared.totals.set('600000/ip', 5); // another process's hits
      let release = () => {};
      let gate = Promise.resolve();
      const hold = () => (gate = new Promise<void>((resolve) => (release = resolve)));
      const slow: SharedRateCounts = {
        exchangeRateCounts: async (window, hits) => {
          const open = gate;
          const totals = await shared.exchangeRateCounts(window, hits);
          await open;
          return totals;
        },
      };
      const limiter = new RateLimiter(() => at.now, { shared: slow, syncMs: 60_000 });
      for (let i = 0; i < 10; i++) limiter.hit('ip', 100);
      hold();
      const first = limiter.sync();
      for (let i = 0; i < 3; i++) limiter.hit('ip', 100);
      release();
      await first;
      // 5 + 10 heard, plus the 3 not sent yet: 18.
      expect(limiter.check('ip', 18).allowed).toBe(false);
      expect(limiter.check('ip', 19).allowed).toBe(true);
      hold();
      const second = limiter.sync();
      release();
      await second;
      expect(shared.totals.get('600000/ip')).toBe(18);
      expect(limiter.check('ip', 18).allowed).toBe(false);
      expect(limiter.check('ip', 19).allowed).toBe(true);
    });

    it('retries a failed exchange on its own, with no new hit needed', async () => {
      vi.useFakeTimers();
      try {
        const shared = new MemoryCounts();
        shared.failing = true;
        const limiter = new RateLimiter(() => at.now, { shared, syncMs: 1000 });
        limiter.hit('ip', 10);
        await vi.advanceTimersByTimeAsync(1000);
        await vi.advanceTimersByTimeAsync(1000);
        expect(shared.exchanges).toBe(2);
        shared.failing = false;
        await vi.advanceTimersByTimeAsync(1000);
        expect(shared.totals.get('600000/ip')).toBe(1);
        await vi.advanceTimersByTimeAsync(5000);
        expect(shared.exchanges).toBe(3);
      } finally {
        vi.useRealTimers();
      }
    });

    it('keeps counting in the process while the shared counts fail, and sends the hits later', async () => {
      const shared = new MemoryCounts();
      const errors: unknown[] = [];
      const limiter = new RateLimiter(() => at.now, { shared, syncMs: 60_000, onSyncError: (error) => errors.push(error) });
      shared.failing = true;
      limiter.hit('ip', 2);
      await limiter.sync();
      expect(errors).toHaveLength(1);
      expect(limiter.hit('ip', 2).allowed).toBe(true);
      expect(limiter.hit('ip', 2).allowed).toBe(false);
      shared.failing = false;
      await limiter.sync();
      expect(shared.totals.get('600000/ip')).toBe(3);
    });

    it('starts every window from zero, and drops an answer that comes back after the window ended', async () => {
      const shared = new MemoryCounts();
      const [a, b] = processes(shared);
      for (let i = 0; i < 3; i++) b!.hit('ip', 3);
      await b!.sync();
      a!.hit('ip', 3);
      const late = a!.sync();
      at.now += 60_000;
      expect(a!.check('ip', 3).allowed).toBe(true);
      await late; // the total of 4 it brings belongs to the window that ended
      expect(a!.hit('ip', 3).allowed).toBe(true);
      expect(a!.hit('ip', 3).allowed).toBe(true);
    });
  });
});
