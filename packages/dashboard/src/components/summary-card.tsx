import { SCALES } from '@koe/core/browser';
import type { SummaryReport, SurveyListing } from '../api.js';
import { failureText, useDashboard } from '../context.js';
import { formatBound, formatPercent, formatCount, formatDifference, formatP, formatScore } from '../format.js';
import { useLoad } from '../use-load.js';

/** Props of SummaryCard. */
export interface SummaryCardProps {
  site: string;
  survey: SurveyListing;
  range: { from: string; to: string };
  days: number;
  selected: boolean;
  onSelect(): void;
}

/** One survey's score over the period: interval, answers, categories, and the change from the period before. */
export function SummaryCard({ site, survey, range, days, selected, onSelect }: SummaryCardProps) {
  const { api, texts, lang, onFailure } = useDashboard();
  const { data, error, loading } = useLoad(
    () => api.summary({ site, survey: survey.id, ...range }).catch((e: unknown) => (onFailure(e), Promise.reject(e))),
    `${site}|${survey.id}|${range.from}|${range.to}`,
  );
  return (
    <button type="button" class={`card${selected ? ' selected' : ''}`} aria-pressed={selected} aria-busy={loading} onClick={onSelect} data-survey={survey.id}>
      <span class="card-title">
        {survey.id} <span class="kind">{texts.kindScore[survey.kind]}</span>
      </span>
      {error ? <span class="error">{failureText(error, lang)}</span> : data ? <Figures report={data} days={days} /> : <span class="muted">{texts.loading}</span>}
      {survey.caseCategories.length > 0 ? <OpenCases site={site} survey={survey.id} refreshedAt={range.to} /> : null}
    </button>
  );
}

/** The survey's open follow-up cases, all-time: where a team's backlog is, at a glance. */
function OpenCases({ site, survey, refreshedAt }: { site: string; survey: string; refreshedAt: string }) {
  const { api, texts, lang, onFailure, caseVersion } = useDashboard();
  const { data } = useLoad(
    () => api.cases({ site, survey, status: 'open', limit: 1 }).catch((e: unknown) => (onFailure(e), Promise.reject(e))),
    `${site}|${survey}|${refreshedAt}|${caseVersion}`,
  );
  if (data === undefined) return null;
  return <span class={`backlog${data.total > 0 ? ' pending' : ''}`}>{texts.openCases(formatCount(data.total, lang))}</span>;
}

function Figures({ report, days }: { report: SummaryReport; days: number }) {
  const { texts, lang } = useDashboard();
  if (report.n === 0) return <span class="muted">{texts.noAnswers}</span>;
  const kind = report.kind;
  return (
    <>
      <span class="score" data-score>
        {formatScore(kind, report.score, lang)}
      </span>
      {report.ci ? (
        <span class="interval">{texts.interval(formatPercent(report.ci.confidence, lang), formatBound(kind, report.ci.low, lang), formatBound(kind, report.ci.high, lang))}</span>
      ) : null}
      <span class="count">{texts.answers(formatCount(report.n, lang))}</span>
      <CategoryBar report={report} />
      <span class="compare">
        {report.compare
          ? texts.verdict(
              // NPS and CSAT move in points (of NPS, of percentage); a CES mean has no unit.
              texts.versus(`${formatDifference(kind, report.compare.difference, lang)}${kind === 'ces' ? '' : texts.points}`, days),
              (report.compare.significant ? texts.significant : texts.notSignificant)(formatP(report.compare.p)),
            )
          : texts.noComparison}
      </span>
    </>
  );
}

/** The share of each category as a stacked bar, best first, with a legend giving the shares. */
function CategoryBar({ report }: { report: SummaryReport }) {
  const { texts, lang } = useDashboard();
  const parts = SCALES[report.kind].categories.map((c, i) => ({ name: c.name, tone: i, count: report.categories[c.name] ?? 0 }));
  // One decimal for every share, so the legend's figures line up (74.0%, not 74%, beside 11.8%).
  const share = (count: number) => formatPercent(report.n === 0 ? 0 : count / report.n, lang, 1);
  return (
    <>
      <span class="bar" aria-hidden="true">
        {parts.map((p) => (p.count > 0 ? <span key={p.name} class={`bar-part tone-${p.tone}`} style={{ flexGrow: p.count }} /> : null))}
      </span>
      <span class="legend">
        {parts.map((p) => (
          <span key={p.name} class="legend-item">
            <span class={`swatch tone-${p.tone}`} aria-hidden="true" />
            {texts.categories[p.name]} {share(p.count)}
          </span>
        ))}
      </span>
    </>
  );
}
