import type { SurveyListing } from '../api.js';
import { BreakdownPanel } from './breakdown-panel.js';
import { CasesPanel } from './cases-panel.js';
import { CommentsPanel } from './comments-panel.js';
import { TrendPanel } from './trend-panel.js';
import type { ContextFilter, Scope } from '../scope.js';

/** Props of SurveyDetail. */
export interface SurveyDetailProps {
  site: string;
  survey: SurveyListing;
  /** The period, and the context pair reports are narrowed to. */
  range: Scope;
  days: number;
  /** Narrows every report to one context pair (a breakdown row picked). */
  onFilter(filter: ContextFilter): void;
}

/** The selected survey's trend, breakdown, comments and follow-up cases. */
export function SurveyDetail({ site, survey, range, days, onFilter }: SurveyDetailProps) {
  return (
    <div class="detail" data-detail={survey.id}>
      <TrendPanel site={site} survey={survey.id} kind={survey.kind} range={range} days={days} />
      <BreakdownPanel site={site} survey={survey.id} kind={survey.kind} range={range} onFilter={onFilter} />
      <CommentsPanel site={site} survey={survey.id} kind={survey.kind} range={range} />
      <CasesPanel site={site} survey={survey} refreshedAt={range.to} filtered={range.context !== undefined} />
    </div>
  );
}
