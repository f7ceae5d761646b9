import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

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
});
