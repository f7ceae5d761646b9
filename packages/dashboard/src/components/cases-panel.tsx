import { useState } from 'preact/hooks';
import type { SurveyListing } from '../api.js';
import { failureText, useDashboard } from '../context.js';
import { formatCount } from '../format.js';
import { usePages } from '../use-pages.js';
import { CaseItem } from './case-item.js';

/** Props of CasesPanel. */
export interface CasesPanelProps {
  site: string;
  survey: SurveyListing;
  /** When the page was last refreshed: the list reloads with it. */
  refreshedAt: string;
}

/** The survey's follow-up cases, open or closed, newest first, a page at a time, each closable in place. */
export function CasesPanel({ site, survey, refreshedAt }: CasesPanelProps) {
  const { api, texts, lang, onFailure } = useDashboard();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const [generation, setGeneration] = useState(0);
  const pages = usePages(
    (before) =>
      api.cases({ site, survey: survey.id, status, limit: 20, ...(before ? { before } : {}) }).then(
        (page) => ({ items: page.cases, next: page.next, total: page.total }),
        (e: unknown) => (onFailure(e), Promise.reject(e)),
      ),
    `${site}|${survey.id}|${status}|${generation}|${refreshedAt}`,
  );

  return (
    <section class="panel" aria-labelledby="koe-cases">
      <div class="panel-head">
        <h2 id="koe-cases">
          {texts.cases}
          {pages.total !== undefined ? <span class="count"> · {texts.caseTotal(formatCount(pages.total, lang), status)}</span> : null}
        </h2>
        <div role="group" class="segmented" aria-label={texts.cases}>
          {(['open', 'closed'] as const).map((value) => (
            <button key={value} type="button" aria-pressed={status === value} onClick={() => (value === status ? setGeneration((g) => g + 1) : setStatus(value))}>
              {texts.caseStatus[value]}
            </button>
          ))}
        </div>
      </div>
      <p class="muted">{survey.caseCategories.length === 0 ? texts.noCaseRule : texts.casesAllTime}</p>
      {pages.error ? (
        <p class="error" role="alert">
          {failureText(pages.error, lang)}
        </p>
      ) : null}
      {!pages.loading && !pages.error && pages.items.length === 0 && survey.caseCategories.length > 0 ? <p class="muted">{texts.noCases}</p> : null}
      <ul class="cases">
        {pages.items.map((item) => (
          <CaseItem
            key={item.id}
            item={item}
            // A case closed here stays in the open list until the next load, but the backlog counts it at once.
            onChange={(updated) => pages.replace((c) => c.id === updated.id, updated, (updated.status === status ? 1 : 0) - (item.status === status ? 1 : 0))}
          />
        ))}
      </ul>
      <p class="muted" aria-live="polite">
        {pages.loading ? texts.loading : ''}
      </p>
      {/* Kept in place and enabled while the next page loads (a disabled button would drop keyboard focus). */}
      {pages.next ? (
        <button type="button" onClick={pages.more} aria-disabled={pages.loading}>
          {texts.more}
        </button>
      ) : null}
    </section>
  );
}
