import type { Category, Comparison, FollowUpCase, Site, Summary, Survey, SurveyResponse } from '@koe/core';

// What the collector's admin routes answer, as the dashboard reads it (the collector's OpenAPI document
// describes the same shapes).

/** A survey as GET /v1/sites lists it: core's Survey without its case rule, plus the categories that open cases. */
export type SurveyListing = Omit<Survey, 'cases'> & { caseCategories: Category[] };

/** A site as GET /v1/sites lists it. */
export type SiteListing = Pick<Site, 'key' | 'name' | 'origins'> & { surveys: SurveyListing[] };

/** What a token may do: `viewer` (KOE_VIEWER_TOKEN) only reads. */
export type Role = 'admin' | 'viewer';

/** GET /v1/sites: every site, and the role of the token that asked. */
export interface SiteList {
  sites: SiteListing[];
  role: Role;
}

/** GET /v1/reports/summary: the period's summary with the previous one and their comparison. */
export interface SummaryReport extends Summary {
  from: string;
  to: string;
  previous: Summary & { from: string; to: string };
  compare: Comparison | null;
}

/** One bucket of GET /v1/reports/trend. */
export interface TrendPoint {
  period: string;
  summary: Summary;
}

/** One group of GET /v1/reports/breakdown. */
export interface BreakdownRow {
  value: string | null;
  summary: Summary;
}

/** A page of GET /v1/cases; `total` counts every page's cases. */
export interface CasePage {
  cases: FollowUpCase[];
  next: string | null;
  total: number;
}

/** A page of GET /v1/comments: answers as stored (with their category and arrival time). */
export interface CommentPage {
  comments: (SurveyResponse & { category: Category; receivedAt: string })[];
  next: string | null;
}

/** Which survey and period a report covers. */
export interface ReportQuery {
  site: string;
  survey: string;
  from: string;
  to: string;
  /** Only answers whose context holds every pair (sent as `context.<key>=<value>`). */
  context?: Readonly<Record<string, string>>;
}
