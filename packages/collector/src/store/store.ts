import type { CaseUpdate, Category, Channel, FollowUpCase, ScoreCounts, SurveyResponse } from '@koe/core';
import type { CaseFilter, CasePage, DueCase, NotificationOutcome } from './cases.js';
import type { CommentFilter, CommentPage } from './comments.js';

export type { CaseCursor, CaseFilter, CasePage, DueCase, NotificationOutcome } from './cases.js';
export type { CommentCursor, CommentFilter, CommentPage } from './comments.js';

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
  /** Only answers whose context holds every one of these pairs (`{ agentId: 'aiko' }`); keys are core's MapKey. */
  context?: Readonly<Record<string, string>>;
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
  /**
   * Stores answers, skipping ids already stored; resolves only once the rows are durable on disk.
   * `cases[i]` opens a follow-up case for the i-th answer if it is new, in the same transaction: `true`
   * with a webhook due at once, `false` without one; null or absent, no case.
   */
  insert(responses: readonly SurveyResponse[], receivedAt: Date, cases?: readonly (boolean | null)[]): Promise<InsertResult>;
  /** Counts per score value over the filter. */
  countsByScore(filter: ResponseFilter): Promise<ScoreCounts>;
  /** Counts per score value per calendar period, oldest first; periods without answers are omitted. */
  countsByPeriod(filter: ResponseFilter, options: TrendOptions): Promise<PeriodCounts[]>;
  /** Counts per score value for each value of a dimension. */
  countsByDimension(filter: ResponseFilter, by: Dimension): Promise<DimensionCounts[]>;
  /** Streams the answers of the filter in `answeredAt` order, without holding them all in memory. */
  responses(filter: ResponseFilter): AsyncIterable<StoredResponse>;
  /** The filter's answers that carry a comment, newest first, a page at a time. */
  comments(filter: CommentFilter): Promise<CommentPage>;
  /** A site's follow-up cases with their answers, newest first, a page at a time. */
  cases(filter: CaseFilter): Promise<CasePage>;
  /** How many cases the filter covers in all (its `before` and `limit` ignored): an open-case backlog, say. */
  countCases(filter: Omit<CaseFilter, 'limit' | 'before'>): Promise<number>;
  /** Changes a case; resolves to it as it now is, or null when there is no case with that id. */
  updateCase(id: string, update: CaseUpdate, at: Date): Promise<FollowUpCase | null>;
  /**
   * Takes up to `limit` cases whose webhook is due at `at`, counting the attempt, and holds them until
   * `until` (when another attempt becomes due should this process never report back). Several processes
   * sharing a store never take the same case at once.
   */
  claimNotifications(at: Date, until: Date, limit: number): Promise<DueCase[]>;
  /**
   * Records how attempt `attempt` (as claimNotifications numbered it) of a case's webhook went; a report
   * from a claim that ran out, after the case was claimed again, changes nothing.
   */
  recordNotification(id: string, attempt: number, outcome: NotificationOutcome): Promise<void>;
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
