import type { SurveyListing } from '../api.js';
import { BreakdownPanel } from './breakdown-panel.js';
import { CasesPanel } from './cases-panel.js';
import { CommentsPanel } from './comments-panel.js';
import { TrendPanel } from './trend-panel.js';

/** Props of SurveyDetail. */
export interface SurveyDetailProps {
  site: string;
  survey: SurveyListing;
  range: { from: string; to: string };
  days: number;
}

/** The selected survey's trend, breakdown, comments and follow-up cases. */
export function SurveyDetail({ site, survey, range, days }: SurveyDetailProps) {
  return (
    <div class="detail" data-detail={survey.id}>
      <TrendPanel site={site} survey={survey.id} kind={survey.kind} range={range} days={days} />
      <BreakdownPanel site={site} survey={survey.id} kind={survey.kind} range={range} />
      <CommentsPanel site={site} survey={survey.id} kind={survey.kind} range={range} />
      <CasesPanel site={site} survey={survey} refreshedAt={range.to} />
    </div>
  );
}
