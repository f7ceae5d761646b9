import type { Segment } from './report-plan.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Counts kept per `width` ms from `a` to `b` (both multiples of `width`), reported under `key`. */
export interface CountPiece {
  key: number;
  width: number;
  a: number;
  b: number;
}

/** How to count segments: ranges read from the hourly and daily counts, and the rest from raw rows. */
export interface CountCover {
  counts: CountPiece[];
  raw: Segment[];
}

const floor = (t: number, w: number) => Math.floor(t / w) * w;
const ceil = (t: number, w: number) => Math.ceil(t / w) * w;

/**
 * Splits each segment into whole UTC days, then whole hours, then raw rows for what is left at its
 * edges. Local days start on a whole hour in most time zones, so a Tokyo day is 24 hourly counts; a
 * Kolkata day (+5:30) adds two half hours of raw rows; a month is mostly daily counts.
 */
export function coverSegments(segments: readonly Segment[]): CountCover {
  const cover: CountCover = { counts: [], raw: [] };
  for (const { key, a, b } of segments) {
    const ha = ceil(a, HOUR);
    const hb = floor(b, HOUR);
    if (ha >= hb) {
      if (a < b) cover.raw.push({ key, a, b });
      continue;
    }
    if (a < ha) cover.raw.push({ key, a, b: ha });
    if (hb < b) cover.raw.push({ key, a: hb, b });
    const da = ceil(ha, DAY);
    const db = floor(hb, DAY);
    if (da >= db) {
      cover.counts.push({ key, width: HOUR, a: ha, b: hb });
      continue;
    }
    if (ha < da) cover.counts.push({ key, width: HOUR, a: ha, b: da });
    cover.counts.push({ key, width: DAY, a: da, b: db });
    if (db < hb) cover.counts.push({ key, width: HOUR, a: db, b: hb });
  }
  return cover;
}
