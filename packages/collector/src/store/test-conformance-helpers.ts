import type { SurveyResponse } from '@koe/core';
import type { ResponseFilter, Store, StoredResponse, TrendOptions } from './store.js';

/** How the conformance suite gets stores: each `create` is a fresh, empty database. */
export interface StoreHarness {
  /** A new store on a new, empty database. */
  create(): Promise<Store>;
  /** Another store on the same database as `store` (a second process, or a restart after close). */
  reopen(store: Store): Promise<Store>;
}

/** The site, surveys and receive time the conformance data uses. */
export const SITE = 'acme';
/** An NPS survey. */
export const NPS = { id: 'post-chat', kind: 'nps' as const };
/** A CSAT survey. */
export const CSAT = { id: 'support', kind: 'csat' as const };
/** When the collector received the test answers. */
export const RECEIVED = new Date('2026-11-23T12:00:00Z');

/** One answer with sensible defaults. */
export function answer(id: number, fields: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    id: `00000000-0000-4000-8000-${id.toString(16).padStart(12, '0')}`,
    site: SITE,
    survey: NPS.id,
    kind: 'nps',
    score: 9,
    locale: 'en',
    channel: 'web',
    answeredAt: '2026-11-20T10:00:00Z',
    ...fields,
  };
}

/** What core's in-memory summarize says for the answers a filter covers: the reference the stores must match. */
export function expected(responses: readonly SurveyResponse[], filter: ResponseFilter): SurveyResponse[] {
  return responses.filter(
    (r) =>
      r.site === filter.site &&
      r.survey === filter.survey &&
      (filter.from === undefined || Date.parse(r.answeredAt) >= filter.from.getTime()) &&
      (filter.to === undefined || Date.parse(r.answeredAt) < filter.to.getTime()) &&
      (filter.channel === undefined || r.channel === filter.channel) &&
      (filter.touchpoint === undefined || r.touchpoint === filter.touchpoint) &&
      Object.entries(filter.context ?? {}).every(([key, value]) => r.context?.[key] === value),
  );
}

/** Counts per score with zero-count scores left out, so stores and references compare equal. */
export function tally(scores: Iterable<number>): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const s of scores) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function localDate(iso: string, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(new Date(iso));
}

/** The period an answer falls in, computed per answer with Intl: the slow, obvious reference. */
export function referencePeriod(iso: string, { interval, timeZone }: TrendOptions): string {
  const date = new Date(`${localDate(iso, timeZone)}T00:00:00Z`);
  if (interval === 'week') date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  if (interval === 'month') date.setUTCDate(1);
  return date.toISOString().slice(0, 10);
}

/** Reads a whole stream into an array. */
export async function collect(iterable: AsyncIterable<StoredResponse>): Promise<StoredResponse[]> {
  const out: StoredResponse[] = [];
  for await (const r of iterable) out.push(r);
  return out;
}

/** Opens stores for one test; the suite closes them after it. */
export type OpenStores = StoreHarness;
