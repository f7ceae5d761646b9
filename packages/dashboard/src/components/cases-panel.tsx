import { useState } from 'preact/hooks';
import type { SurveyListing } from '../api.js';
import { useDashboard } from '../context.js';
import { formatCount } from '../format.js';
import { useLoad } from '../use-load.js';
import { usePages } from '../use-pages.js';
import { CaseItem } from './case-item.js';
import { PagedList } from './paged-list.js';

/** Props of CasesPanel. */
export interface CasesPanelProps {
  site: string;
  survey: SurveyListing;
  /** When the page was last refreshed: the list reloads with it. */
  refreshedAt: string;
  /** The page is narrowed to one context value, which the case list does not follow: say so. */
  filtered?: boolean;
}

/** The survey's follow-up cases, open or closed, newest first, a page at a time, each closable in place. */
export function CasesPanel({ site, survey, refreshedAt, filtered = false }: CasesPanelProps) {
  const { api, texts, lang, onFailure, canEdit } = useDashboard();
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

  const rule = survey.caseCategories.length > 0;
  // A survey without a rule may still hold cases a rule it had once opened, perhaps all closed by now: one
  // count of the closed ones tells whether to offer the filter at all.
  const leftover = useLoad(
    () => (rule ? Promise.resolve(0) : api.cases({ site, survey: survey.id, status: 'closed', limit: 1 }).then((page) => page.total, () => 0)),
    `${site}|${survey.id}|${rule}|${refreshedAt}`,
  );
  const shown = rule || pages.items.length > 0 || status === 'closed' || (leftover.data ?? 0) > 0;
  return (
    <section class="panel" aria-labelledby="koe-cases">
      <div class="panel-head">
        <h2 id="koe-cases">
          {texts.cases}
          {shown && pages.total !== undefined ? <span class="count"> · {texts.caseTotal(formatCount(pages.total, lang), status)}</span> : null}
        </h2>
        {/* A survey without a rule has nothing to sort, unless a rule it had once left cases behind. */}
        {shown ? (
          <div role="group" class="segmented" aria-label={texts.segments.status}>
            {(['open', 'closed'] as const).map((value) => (
              <button key={value} type="button" aria-pressed={status === value} onClick={() => (value === status ? setGeneration((g) => g + 1) : setStatus(value))}>
                {texts.caseStatus[value]}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <p class="muted">
        {rule ? texts.casesAllTime : texts.noCaseRule}
        {filtered && shown ? texts.casesUnfiltered : null}
        {!canEdit && shown ? texts.casesReadOnly : null}
      </p>
      <PagedList
        pages={pages}
        {...(rule ? { empty: texts.noCases } : {})}
        listClass="cases"
        keyOf={(item) => item.id}
        render={(item) => (
          <CaseItem
            item={item}
            // A case closed here stays in the open list until the next load, but the backlog counts it at once.
            onChange={(updated) => pages.replace((c) => c.id === updated.id, updated, (old) => (updated.status === status ? 1 : 0) - (old.status === status ? 1 : 0))}
          />
        )}
      />
    </section>
  );
}
