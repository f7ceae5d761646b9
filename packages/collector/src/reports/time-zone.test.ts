import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isTimeZone, startOfLocalDate } from './time-zone.js';

describe('time zones', () => {
  it('knows IANA names and rejects others', () => {
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it.each([
    ['Asia/Tokyo', 'Asia/Tokyo'],
    ['asia/tokyo', 'Asia/Tokyo'],
    ['AMERICA/NEW_YORK', 'America/New_York'],
    ['utc', 'UTC'],
    ['Mars/Olympus', undefined],
  ])('spells %s canonically as %s', (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
  });

  it('finds when a local day starts, daylight-saving days included', () => {
    expect(startOfLocalDate('2026-11-23', 'Asia/Tokyo').toISOString()).toBe('2026-11-22T15:00:00.000Z');
    expect(startOfLocalDate('2026-11-23', 'UTC').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    // New York: EDT (−4) until 2026-11-01 02:00, EST (−5) after.
    expect(startOfLocalDate('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfLocalDate('2026-11-02', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
    // Havana starts daylight saving at midnight: 2026-03-08 begins at 01:00 CDT.
    expect(startOfLocalDate('2026-03-08', 'America/Havana').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });
});
