import { useState } from 'preact/hooks';
import { MAP_KEY_PATTERN, type Kind } from '@koe/core/browser';
import { failureText, useDashboard } from '../context.js';
import { formatBound, formatCount, formatScore } from '../format.js';
import { useLoad } from '../use-load.js';

// A context key such as an agent id can have thousands of values: the table shows the largest groups.
const LIMIT = 20;
type By = 'channel' | 'touchpoint' | 'locale' | 'context';
/**
 * Core's context-key rule as an input's `pattern`: browsers anchor it themselves and compile it with the
 * `v` flag, where a `-` in a class must be escaped.
 */
export const KEY_PATTERN = MAP_KEY_PATTERN.source.slice(1, -1).replace('-]', '\\-]');

/** Props of BreakdownPanel. */
export interface BreakdownPanelProps {
  site: string;
  survey: string;
  kind: Kind;
  range: { from: string; to: string };
}

/** The survey's score per channel, touchpoint, language or context key (an agent, a plan…), largest first. */
export function BreakdownPanel({ site, survey, kind, range }: BreakdownPanelProps) {
  const { texts } = useDashboard();
  const [by, setBy] = useState<By>('touchpoint');
  const [draftKey, setDraftKey] = useState('');
  const [contextKey, setContextKey] = useState('');
  const dimension = by === 'context' ? (contextKey ? `context.${contextKey}` : undefined) : by;
  return (
    <section class="panel" aria-labelledby="koe-breakdown">
      <div class="panel-head">
        <h2 id="koe-breakdown">{texts.breakdown}</h2>
        <div role="group" class="segmented" aria-label={texts.breakdown}>
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
            setContextKey(draftKey.trim());
          }}
        >
          <label>
            {texts.contextKey}
            <input value={draftKey} onInput={(e) => setDraftKey(e.currentTarget.value)} maxLength={40} pattern={KEY_PATTERN} title={texts.contextKeyRule} required />
          </label>
          <button type="submit">{texts.show}</button>
        </form>
      ) : null}
      {dimension ? <BreakdownTable site={site} survey={survey} kind={kind} range={range} by={dimension} /> : null}
    </section>
  );
}

function BreakdownTable({ site, survey, kind, range, by }: BreakdownPanelProps & { by: string }) {
  const { api, texts, lang, onFailure } = useDashboard();
  const { data, error, loading } = useLoad(
    () => api.breakdown({ site, survey, ...range, by, limit: LIMIT }).catch((e: unknown) => (onFailure(e), Promise.reject(e))),
    `${site}|${survey}|${range.from}|${range.to}|${by}`,
  );
  if (error) return <p class="error" role="alert">{failureText(error, lang)}</p>;
  if (!data) return loading ? <p class="muted" aria-live="polite">{texts.loading}</p> : null;
  if (data.rows.length === 0) return <p class="muted">{texts.noAnswers}</p>;
  return (
    <>
      <table class="breakdown">
        <thead>
          <tr>
            <th scope="col">{texts.value}</th>
            <th scope="col" class="num">{texts.answersHeading}</th>
            <th scope="col" class="num">{texts.score}</th>
            <th scope="col" class="num">{texts.intervalHeading}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.value ?? '\u0000'}>
              <th scope="row">{row.value ?? <span class="muted">{texts.none}</span>}</th>
              <td class="num">{formatCount(row.summary.n, lang)}</td>
              <td class="num">{formatScore(kind, row.summary.score, lang)}</td>
              <td class="num">{row.summary.ci ? `${formatBound(kind, row.summary.ci.low, lang)} – ${formatBound(kind, row.summary.ci.high, lang)}` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{texts.groups(data.rows.length, data.total)}</p>
    </>
  );
}
