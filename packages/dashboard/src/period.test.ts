import { describe, expect, it } from 'vitest';
import { bucketOf, defaultInterval, rangeOf } from './period.js';

describe('rangeOf', () => {
  it('ends now and starts the given days before', () => {
    expect(rangeOf(30, new Date('2026-12-01T06:00:00Z'))).toEqual({ from: '2026-11-01T06:00:00.000Z', to: '2026-12-01T06:00:00.000Z' });
  });
});

describe('defaultInterval', () => {
  it.each([
    [7, 'day'],
    [90, 'day'],
    [365, 'week'],
  ] as const)('%d days → %s', (days, interval) => expect(defaultInterval(days)).toBe(interval));
});

describe('bucketOf', () => {
  it.each([
    // 2026-11-29T20:00Z is Monday Nov 30, 05:00 in Tokyo and still Sunday Nov 29 in UTC.
    ['2026-11-29T20:00:00Z', 'day', 'Asia/Tokyo', '2026-11-30'],
    ['2026-11-29T20:00:00Z', 'day', 'UTC', '2026-11-29'],
    ['2026-11-29T20:00:00Z', 'week', 'Asia/Tokyo', '2026-11-30'],
    ['2026-11-29T20:00:00Z', 'week', 'UTC', '2026-11-23'],
    ['2026-11-29T20:00:00Z', 'month', 'UTC', '2026-11-01'],
    ['2026-11-30T20:00:00Z', 'month', 'Asia/Tokyo', '2026-12-01'],
    ['2026-01-01T03:00:00Z', 'week', 'America/New_York', '2025-12-29'],
  ] as const)('%s by %s in %s → %s', (instant, interval, zone, bucket) => expect(bucketOf(instant, interval, zone)).toBe(bucket));
});
