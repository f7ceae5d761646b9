import { useState } from 'preact/hooks';
import type { Kind } from '@koe/core/browser';
import { isContextKey, KEY_PATTERN } from '../context-key.js';
import { failureText, useDashboard } from '../context.js';
import { ScoreTable } from './score-table.js';
import { useLoad } from '../use-load.js';
import { scopeKey, type ContextFilter, type Scope } from '../scope.js';

// A context key such as an agent id can have thousands of values: the table shows the largest groups.
const LIMIT = 20;
type By = 'channel' | 'touchpoint' | 'locale' | 'context';

/** Props of BreakdownPanel. */
export interface BreakdownPanelProps {
  site: string;
  survey: string;
  kind: Kind;
  /** The period, and the context pair reports are narrowed to. */
  range: Scope;
  /** Narrows every report to one value of a context key (a row of a breakdown by that key). */
  onFilter?(filter: ContextFilter): void;
}

/** The survey's score per channel, touchpoint, language or context key (an agent, a plan…), largest first. */
export function BreakdownPanel({ site, survey, kind, range, onFilter }: BreakdownPanelProps) {
  const { texts } = useDashboard();
  const [by, setBy] = useState<By>('touchpoint');
  const [draftKey, setDraftKey] = useState('');
  const [contextKey, setContextKey] = useState('');
  const dimension = by === 'context' ? (contextKey ? `context.${contextKey}` : undefined) : by;
  return (
    <section class="panel" aria-labelledby="koe-breakdown">
      <div class="panel-head">
        <h2 id="koe-breakdown">{texts.breakdown}</h2>
        <div role="group" class="segmented" aria-label={texts.segments.by}>
          {(['channel', 'touchpoint', 'locale', 'context'] as const).map((value) => (
            <button key={value} type="button" aria-pressed={by === value} onClick={() => setBy(value)}>
              {texts.by[value]}
            </button>
          ))}
        </div>
      </div>
      {by === 'context' ? (
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (isContextKey(draftKey.trim())) setContextKey(draftKey.trim());
          }}
        >
          <label>
            {texts.contextKey}
            <input
              value={draftKey}
              onInput={(e) => {
                setDraftKey(e.currentTarget.value);
                // The pattern cannot say "not __proto__": the browser's own check gets the reserved keys too.
                e.currentTarget.setCustomValidity(e.currentTarget.value === '' || isContextKey(e.currentTarget.value.trim()) ? '' : texts.contextKeyRule);
              }}
              pattern={KEY_PATTERN}
              title={texts.contextKeyRule}
              required
            />
          </label>
          <button type="submit">{texts.show}</button>
        </form>
      ) : null}
      {dimension ? <BreakdownTable site={site} survey={survey} kind={kind} range={range} by={dimension} {...(onFilter ? { onFilter } : {})} /> : null}
    </section>
  );
}

function BreakdownTable({ site, survey, kind, range, by, onFilter }: BreakdownPanelProps & { by: string }) {
  const { api, texts, lang, onFailure } = useDashboard();
  // A row of a breakdown by a context key narrows the whole page to that value: one agent's reports.
  const key = by.startsWith('context.') ? by.slice('context.'.length) : undefined;
  const labelOf = (value: string | null) => {
    if (value === null) return <span class="muted">{texts.none}</span>;
    if (!key || !onFilter) return value;
    return (
      <button type="button" class="link" title={texts.onlyThis(key, value)} onClick={() => onFilter({ key, value })}>
        {value}
      </button>
    );
  };
  const { data, error, loading } = useLoad(
    () => api.breakdown({ site, survey, ...range, by, limit: LIMIT }).catch((e: unknown) => (onFailure(e), Promise.reject(e))),
    `${site}|${survey}|${scopeKey(range)}|${by}`,
  );
  if (error) return <p class="error" role="alert">{failureText(error, lang)}</p>;
  if (!data) return loading ? <p class="muted" aria-live="polite">{texts.loading}</p> : null;
  if (data.rows.length === 0) return <p class="muted">{texts.noAnswers}</p>;
  return (
    <>
      <ScoreTable
        kind={kind}
        heading={texts.value}
        rows={data.rows.map((row) => ({ key: row.value ?? '\u0000', label: labelOf(row.value), summary: row.summary }))}
      />
      <p class="muted">{texts.groups(data.rows.length, data.total)}</p>
    </>
  );
}
