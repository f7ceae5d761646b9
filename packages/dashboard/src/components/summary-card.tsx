import type { SummaryReport, SurveyListing } from '../api.js';
import { failureText, useDashboard } from '../context.js';
import { formatBound, formatCount, formatDifference, formatP, formatPercent, formatScore } from '../format.js';
import { useLoad } from '../use-load.js';
import { CategoryBar } from './category-bar.js';
import { OpenCases } from './open-cases.js';
import { scopeKey, type Scope } from '../scope.js';

/** Props of SummaryCard. */
export interface SummaryCardProps {
  site: string;
  survey: SurveyListing;
  /** The period, and the context pair reports are narrowed to. */
  range: Scope;
  days: number;
  selected: boolean;
  onSelect(): void;
}

/** One survey's score over the period: interval, answers, categories, and the change from the period before. */
export function SummaryCard({ site, survey, range, days, selected, onSelect }: SummaryCardProps) {
  const { api, texts, lang, onFailure } = useDashboard();
  const { data, error, loading } = useLoad(
    () => api.summary({ site, survey: survey.id, ...range }).catch((e: unknown) => (onFailure(e), Promise.reject(e))),
    `${site}|${survey.id}|${scopeKey(range)}`,
  );
  return (
    // Named by its survey alone; the figures describe it, so a screen reader's list of cards stays short.
    <button
      type="button"
      class={`card${selected ? ' selected' : ''}`}
      aria-pressed={selected}
      aria-busy={loading}
      aria-label={`${survey.id}, ${texts.kindScore[survey.kind]}`}
      aria-describedby={`card-${survey.id}`}
      onClick={onSelect}
      data-survey={survey.id}
    >
      <span class="card-title" aria-hidden="true">
        {survey.id} <span class="kind">{texts.kindScore[survey.kind]}</span>
      </span>
      <span id={`card-${survey.id}`} class="card-body">
        {error ? <span class="error">{failureText(error, lang)}</span> : data ? <Figures report={data} days={days} /> : <span class="muted">{texts.loading}</span>}
        {survey.caseCategories.length > 0 ? <OpenCases site={site} survey={survey.id} refreshedAt={range.to} /> : null}
      </span>
    </button>
  );
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
