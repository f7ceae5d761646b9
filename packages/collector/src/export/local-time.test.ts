import { describe, expect, it } from 'vitest';
import { localTimeFormatter } from './local-time.js';

const local = (timeZone: string, ...instants: (string | undefined)[]) => instants.map(localTimeFormatter(timeZone));

describe('localTimeFormatter', () => {
  it('writes the wall-clock time of the zone, seconds kept and fractions dropped', () => {
    expect(local('Asia/Tokyo', '2026-12-05T16:17:13.576Z', '2026-12-05T14:59:59.999Z')).toEqual(['2026-12-06 01:17:13', '2026-12-05 23:59:59']);
    expect(local('UTC', '2026-11-20T19:00:00+09:00', '2026-11-20T10:00:00.000000001Z')).toEqual(['2026-11-20 10:00:00', '2026-11-20 10:00:00']);
  });

  it('follows both daylight-saving changes in New York', () => {
    expect(local('America/New_York', '2026-03-08T06:59:59Z', '2026-03-08T07:00:00Z', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z')).toEqual([
      '2026-03-08 01:59:59',
      '2026-03-08 03:00:00',
      // The hour the clocks go back is shown twice; answered_at tells the two apart.
      '2026-11-01 01:30:00',
      '2026-11-01 01:30:00',
    ]);
  });

  it('follows a change that falls within a UTC hour (Adelaide, +10:30)', () => {
    expect(local('Australia/Adelaide', '2026-04-04T16:10:00Z', '2026-04-04T16:29:59Z', '2026-04-04T16:30:00Z', '2026-04-04T16:50:00Z')).toEqual([
      '2026-04-05 02:40:00',
      '2026-04-05 02:59:59',
      '2026-04-05 02:00:00',
      '2026-04-05 02:20:00',
    ]);
  });

  it('agrees with Intl across a year of answers, in order and out of order', () => {
    const start = Date.UTC(2024, 0, 1);
    const instants = Array.from({ length: 4000 }, (_, i) => new Date(start + i * 7_919_173 + (i % 7) * 1_237).toISOString());
    const shuffled = instants.map((_, i) => instants[(i * 1_531) % instants.length]!);
    for (const timeZone of ['Asia/Tokyo', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'Pacific/Chatham']) {
      // Swedish dates are written YYYY-MM-DD HH:mm:ss.
      const intl = new Intl.DateTimeFormat('sv-SE', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
      for (const list of [instants, shuffled]) {
        expect([timeZone, local(timeZone, ...list)]).toEqual([timeZone, list.map((iso) => intl.format(new Date(iso)))]);
      }
    }
  });

  it("reads instants before year 1000 at the zone's earliest offset, and leaves missing ones empty", () => {
    // Tokyo kept local mean time, 9:18:59 ahead of UTC, until 1888.
    expect(local('Asia/Tokyo', '0001-01-01T00:00:00Z', '1887-01-01T00:00:00Z')).toEqual(['0001-01-01 09:18:59', '1887-01-01 09:18:59']);
    expect(local('America/New_York', '0000-01-01T00:00:00Z')).toEqual(['-000001-12-31 19:03:58']);
    expect(local('Asia/Tokyo', undefined, 'not a date')).toEqual(['', '']);
  });
});
