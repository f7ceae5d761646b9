import type { Hono } from 'hono';
import { compare, summarizeCounts, type Kind, type SummaryOptions } from '@koe/core';
import type { AppDeps } from '../deps.js';
import { adminAuth, READ_ROLES } from '../http/auth.js';
import { invalidQuery } from '../http/errors.js';
import { parseQuery } from '../http/query.js';
import { periodOf, previousOf, type Period } from '../reports/period.js';
import { BreakdownQuery, SummaryQuery, TrendQuery } from '../reports/query.js';
import { MAX_BUCKETS } from '../store/periods.js';
import type { Dimension, ResponseFilter } from '../store/store.js';

/** Days a summary or breakdown covers when `from` is not given. */
export const DEFAULT_SUMMARY_DAYS = 30;
/** Days a trend covers when `from` is not given, per interval. */
export const DEFAULT_TREND_DAYS = { day: 90, week: 182, month: 365 } as const;

interface Scope {
  site: string;
  survey: string;
  channel?: ResponseFilter['channel'];
  touchpoint?: string;
  contextFilter?: Record<string, string>;
  confidence?: number;
}

/** The admin report routes: summary (with the previous period and a significance test), trend, breakdown. */
export function reportRoutes(app: Hono, deps: AppDeps): void {
  app.use('/v1/reports/*', adminAuth(deps, READ_ROLES));

  const kindOf = (scope: Scope): Kind => {
    const entry = deps.sites().sites.get(scope.site);
    if (!entry) throw invalidQuery([{ path: 'site', message: `no site "${scope.site}" in the configuration` }]);
    const survey = entry.surveys.get(scope.survey);
    if (!survey) throw invalidQuery([{ path: 'survey', message: `site "${scope.site}" has no survey "${scope.survey}"` }]);
    return survey.kind;
  };
  const filterOf = (scope: Scope, period: Period): ResponseFilter => ({
    site: scope.site,
    survey: scope.survey,
    from: period.from,
    to: period.to,
    ...(scope.channel ? { channel: scope.channel } : {}),
    ...(scope.touchpoint ? { touchpoint: scope.touchpoint } : {}),
    ...(scope.contextFilter ? { context: scope.contextFilter } : {}),
  });
  const optionsOf = (scope: Scope): SummaryOptions => (scope.confidence === undefined ? {} : { confidence: scope.confidence });
  const range = (period: Period) => ({ from: period.from.toISOString(), to: period.to.toISOString() });

  app.get('/v1/reports/summary', async (c) => {
    const query = parseQuery(c, SummaryQuery, { context: true });
    const kind = kindOf(query);
    const period = periodOf(query, deps.now(), DEFAULT_SUMMARY_DAYS);
    const before = previousOf(period);
    const [counts, previousCounts] = await Promise.all([
      deps.store.countsByScore(filterOf(query, period)),
      deps.store.countsByScore(filterOf(query, before)),
    ]);
    const summary = summarizeCounts(kind, counts, optionsOf(query));
    const previous = summarizeCounts(kind, previousCounts, optionsOf(query));
    return c.json({
      ...summary,
      ...range(period),
      previous: { ...previous, ...range(before) },
      compare: compare(summary, previous, optionsOf(query)),
    });
  });

  app.get('/v1/reports/trend', async (c) => {
    const query = parseQuery(c, TrendQuery, { context: true });
    const kind = kindOf(query);
    const period = periodOf(query, deps.now(), DEFAULT_TREND_DAYS[query.interval]);
    // Checked here, before the stores spend a third of a second laying out buckets only to refuse them.
    const days = (period.to.getTime() - period.from.getTime()) / 86_400_000;
    if (days / { day: 1, week: 7, month: 28 }[query.interval] > MAX_BUCKETS) {
      throw invalidQuery([{ path: 'from', message: `the range spans more than ${MAX_BUCKETS} ${query.interval}s: choose a later from or a longer interval` }]);
    }
    const rows = await deps.store.countsByPeriod(filterOf(query, period), { interval: query.interval, timeZone: query.tz });
    return c.json(rows.map((row) => ({ period: row.period, summary: summarizeCounts(kind, row.counts, optionsOf(query)) })));
  });

  app.get('/v1/reports/breakdown', async (c) => {
    const query = parseQuery(c, BreakdownQuery, { context: true });
    const kind = kindOf(query);
    const period = periodOf(query, deps.now(), DEFAULT_SUMMARY_DAYS);
    const rows = await deps.store.countsByDimension(filterOf(query, period), query.by as Dimension);
    const groups = rows
      .map((row) => ({ value: row.value, counts: row.counts, n: Object.values(row.counts).reduce((sum, count) => sum + count, 0) }))
      // Largest groups first; ties by value, answers without one last, so the order never depends on the store.
      .sort((a, b) => b.n - a.n || (a.value === null ? 1 : b.value === null ? -1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    // Sorted on counts first, so a limit spares the intervals of the groups it drops.
    const kept = query.limit === undefined ? groups : groups.slice(0, query.limit);
    c.header('X-Total-Count', String(groups.length));
    return c.json(kept.map((group) => ({ value: group.value, summary: summarizeCounts(kind, group.counts, optionsOf(query)) })));
  });
}
