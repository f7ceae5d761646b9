import type { Category, Channel, ScoreCounts, SurveyResponse } from '@koe/core';

/** An answer as stored: what the client sent, plus its category and when the collector received it. */
export interface StoredResponse extends SurveyResponse {
  category: Category;
  receivedAt: string;
}

/** Which answers a query covers: one survey of one site, optionally a time range and a slice. */
export interface ResponseFilter {
  site: string;
  survey: string;
  /** Inclusive lower bound on `answeredAt`. */
  from?: Date;
  /** Exclusive upper bound on `answeredAt`. */
  to?: Date;
  channel?: Channel;
  touchpoint?: string;
}

/** What a write did: new rows stored, and ids already stored before (idempotent retries). */
export interface InsertResult {
  accepted: number;
  duplicates: number;
}

/** How to bucket a trend: calendar periods in an IANA time zone (a Japanese team's day is a JST day). */
export interface TrendOptions {
  interval: 'day' | 'week' | 'month';
  timeZone: string;
}

/** Counts per score value in one trend bucket; `period` is the bucket's local start date, `YYYY-MM-DD`. */
export interface PeriodCounts {
  period: string;
  counts: ScoreCounts;
}

/** A breakdown dimension: a column, or one key of the answers' context map. */
export type Dimension = 'channel' | 'touchpoint' | 'locale' | `context.${string}`;

/** Counts per score value for one value of a dimension (`null`: answers without that value). */
export interface DimensionCounts {
  value: string | null;
  counts: ScoreCounts;
}

/**
 * Where answers live. SqliteStore and PostgresStore implement it and pass one conformance suite.
 * Aggregations happen in the database: counts per score value, which core's summarizeCounts scores.
 */
export interface Store {
  /** Stores answers, skipping ids already stored; resolves only once the rows are durable on disk. */
  insert(responses: readonly SurveyResponse[], receivedAt: Date): Promise<InsertResult>;
  /** Counts per score value over the filter. */
  countsByScore(filter: ResponseFilter): Promise<ScoreCounts>;
  /** Counts per score value per calendar period, oldest first; periods without answers are omitted. */
  countsByPeriod(filter: ResponseFilter, options: TrendOptions): Promise<PeriodCounts[]>;
  /** Counts per score value for each value of a dimension. */
  countsByDimension(filter: ResponseFilter, by: Dimension): Promise<DimensionCounts[]>;
  /** Streams the answers of the filter in `answeredAt` order, without holding them all in memory. */
  responses(filter: ResponseFilter): AsyncIterable<StoredResponse>;
  /** Deletes every answer whose respondent's anonymous id or user id is `id`; resolves to how many. */
  deleteRespondent(id: string): Promise<number>;
  /**
   * Adds rate-limit hits to counts that every process on this store shares, and resolves to their totals.
   * Only a store several processes share implements it (PostgreSQL); without it, limits are per process.
   */
  exchangeRateCounts?(windowStart: number, hits: ReadonlyMap<string, number>): Promise<Map<string, number>>;
  /** Finishes pending writes and closes the connection. */
  close(): Promise<void>;
}
