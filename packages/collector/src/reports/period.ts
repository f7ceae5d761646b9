import type { Issue } from '@koe/core';
import { invalidQuery } from '../http/errors.js';
import { instantOf } from './query.js';

const DAY = 86_400_000;

/** A half-open time range `[from, to)`. */
export interface Period {
  from: Date;
  to: Date;
}

/** Resolves `from`/`to` (dates read in `tz`); `to` defaults to now and `from` to `defaultDays` before `to`. */
export function periodOf(query: { from?: string; to?: string; tz: string }, now: Date, defaultDays: number): Period {
  const to = instantOf(query.to, query.tz) ?? now;
  const from = instantOf(query.from, query.tz) ?? new Date(to.getTime() - defaultDays * DAY);
  if (from.getTime() >= to.getTime()) {
    const issue: Issue = { path: 'from', message: `must be before to (${to.toISOString()})` };
    throw invalidQuery([issue]);
  }
  return { from, to };
}

/** The same-length period just before `period`. */
export function previousOf(period: Period): Period {
  const length = period.to.getTime() - period.from.getTime();
  return { from: new Date(period.from.getTime() - length), to: period.from };
}
