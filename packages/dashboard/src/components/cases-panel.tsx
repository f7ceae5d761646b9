import { useEffect, useState } from 'preact/hooks';
import type { FollowUpCase } from '@koe/core';
import type { SurveyListing } from '../api.js';
import { failureText, useDashboard } from '../context.js';
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
  const [cases, setCases] = useState<FollowUpCase[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  const load = (before: string | undefined, keep: FollowUpCase[], isCurrent: () => boolean) => {
    setLoading(true);
    api
      .cases({ site, survey: survey.id, status, limit: 20, ...(before ? { before } : {}) })
      .then(
        (page) => {
          if (!isCurrent()) return;
          setCases([...keep, ...page.cases]);
          setNext(page.next);
          setError(undefined);
        },
        (e: unknown) => {
          if (!isCurrent()) return;
          onFailure(e);
          setError(e);
        },
      )
      .finally(() => isCurrent() && setLoading(false));
  };

  useEffect(() => {
    let current = true;
    setCases([]);
    setNext(null);
    load(undefined, [], () => current);
    return () => {
      current = false;
    };
  }, [site, survey.id, status, generation, refreshedAt]);

  return (
    <section class="panel" aria-labelledby="koe-cases">
      <div class="panel-head">
        <h2 id="koe-cases">{texts.cases}</h2>
        <div role="group" class="segmented">
          {(['open', 'closed'] as const).map((value) => (
            <button key={value} type="button" aria-pressed={status === value} onClick={() => (value === status ? setGeneration((g) => g + 1) : setStatus(value))}>
              {texts.caseStatus[value]}
            </button>
          ))}
        </div>
      </div>
      {survey.caseCategories.length === 0 ? <p class="muted">{texts.noCaseRule}</p> : null}
      {error ? <p class="error">{failureText(error, lang)}</p> : null}
      {!loading && !error && cases.length === 0 && survey.caseCategories.length > 0 ? <p class="muted">{texts.noCases}</p> : null}
      <ul class="cases">
        {cases.map((item) => (
          <CaseItem key={item.id} item={item} onChange={(updated) => setCases((list) => list.map((c) => (c.id === updated.id ? updated : c)))} />
        ))}
      </ul>
      {loading ? <p class="muted">{texts.loading}</p> : null}
      {next && !loading ? (
        <button type="button" onClick={() => load(next, cases, () => true)}>
          {texts.more}
        </button>
      ) : null}
    </section>
  );
}
