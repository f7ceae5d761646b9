import type { CaseStatus, CaseUpdate, FollowUpCase } from '@koe/core';
import type { BreakdownRow, CasePage, CommentPage, ReportQuery, SiteList, SiteListing, SummaryReport, TrendPoint } from './api-types.js';
import { apiBaseOf } from './api-base.js';
import type { Interval } from './period.js';

export type { BreakdownRow, CasePage, CommentPage, ReportQuery, Role, SiteList, SiteListing, SummaryReport, SurveyListing, TrendPoint } from './api-types.js';

/** A refused or failed call: the HTTP status (0 when the collector could not be reached) and its message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Seconds the collector asked to wait (`Retry-After` of a 429 or 503). */
    readonly retryAfter?: number,
    /** The collector's error code (`unauthorized`, `admin_disabled`…), when it sent one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** Options of `createApi`. */
export interface ApiOptions {
  /** The admin token sent as `Authorization: Bearer`. */
  token: string;
  /** What precedes `/v1/…` (an origin, a path or both); default: the collector that serves this page, prefix included. */
  base?: string;
  fetch?: typeof fetch;
}

/** The admin API calls the dashboard makes. */
export interface Api {
  sites(): Promise<SiteList>;
  summary(query: ReportQuery): Promise<SummaryReport>;
  trend(query: ReportQuery & { interval: Interval; tz: string }): Promise<TrendPoint[]>;
  breakdown(query: ReportQuery & { by: string; limit?: number }): Promise<{ rows: BreakdownRow[]; total: number }>;
  comments(query: ReportQuery & { category?: string; limit?: number; before?: string }): Promise<CommentPage>;
  /** The period's answers as CSV (UTF-8 with a BOM, for Excel), as one Blob. */
  exportCsv(query: ReportQuery & { tz: string }): Promise<Blob>;
  cases(query: { site: string; survey?: string; status?: CaseStatus; limit?: number; before?: string }): Promise<CasePage>;
  updateCase(id: string, update: CaseUpdate): Promise<FollowUpCase>;
}

/** A client of the collector's admin routes. */
export function createApi(options: ApiOptions): Api {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.base ?? apiBaseOf(typeof location === 'undefined' ? '' : location.pathname);
  const call = async (method: string, path: string, query: Query, body?: unknown) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      // A context filter travels as one parameter per pair, as the collector reads it.
      if (typeof value === 'object') for (const [name, text] of Object.entries(value)) params.set(`context.${name}`, text);
      else if (value !== undefined) params.set(key, String(value));
    }
    const search = params.size > 0 ? `?${params}` : '';
    let response: Response;
    try {
      response = await doFetch(`${base}${path}${search}`, {
        method,
        headers: { Authorization: `Bearer ${options.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiFailure(0, 'The collector could not be reached');
    }
    if (!response.ok) {
      const wait = Number(response.headers.get('Retry-After'));
      const { message, code } = await errorOf(response);
      throw new ApiFailure(response.status, message, Number.isFinite(wait) && wait > 0 ? wait : undefined, code);
    }
    return response;
  };
  const json = async <T,>(method: string, path: string, query: Query, body?: unknown) =>
    (await (await call(method, path, query, body)).json()) as T;

  return {
    sites: async () => {
      const body = await json<{ sites: SiteListing[]; role?: unknown }>('GET', '/v1/sites', {});
      // A collector from before roles existed knew only the admin token.
      return { sites: body.sites, role: body.role === 'viewer' ? 'viewer' : 'admin' };
    },
    summary: (query) => json('GET', '/v1/reports/summary', { ...query }),
    trend: (query) => json('GET', '/v1/reports/trend', { ...query }),
    breakdown: async (query) => {
      const response = await call('GET', '/v1/reports/breakdown', { ...query });
      const rows = (await response.json()) as BreakdownRow[];
      return { rows, total: Number(response.headers.get('X-Total-Count') ?? rows.length) };
    },
    comments: (query) => json('GET', '/v1/comments', { ...query }),
    exportCsv: async (query) => (await call('GET', '/v1/responses', { ...query, format: 'csv' })).blob(),
    cases: (query) => json('GET', '/v1/cases', { ...query }),
    updateCase: (id, update) => json('PATCH', `/v1/cases/${encodeURIComponent(id)}`, {}, update),
  };
}

type Query = Record<string, string | number | Readonly<Record<string, string>> | undefined>;

/** The collector's own message and code (`{ error: { code, message, issues } }`), else the status line. */
async function errorOf(response: Response): Promise<{ message: string; code?: string }> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: string; issues?: { path: string; message: string }[] } };
    const issue = body.error?.issues?.[0];
    const message = body.error?.message;
    const code = typeof body.error?.code === 'string' ? { code: body.error.code } : {};
    // Some messages already name their first issue; add it only when it says more.
    if (message) return { message: issue && !message.includes(issue.message) ? `${message} (${issue.path}: ${issue.message})` : message, ...code };
  } catch {
    // Not JSON (a proxy's page): fall through to the status.
  }
  return { message: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
}
