import { useState } from 'preact/hooks';
import type { Kind } from '@koe/core/browser';
import { failureText, useDashboard } from '../context.js';
import { bucketOf, defaultInterval, type Interval } from '../period.js';
import { useLoad } from '../use-load.js';
import { DownloadButton } from './download-button.js';
import { TrendChart } from './trend-chart.js';
import { scopeKey, type Scope } from '../scope.js';

/** Props of TrendPanel. */
export interface TrendPanelProps {
  site: string;
  survey: string;
  kind: Kind;
  /** The period, and the context pair reports are narrowed to. */
  range: Scope;
  days: number;
}

/** The survey's score per day, week or month in the browser's time zone, with its interval as a band. */
export function TrendPanel({ site, survey, kind, range, days }: TrendPanelProps) {
  const { api, texts, lang, timeZone, onFailure } = useDashboard();
  // The interval follows the period (days up to 90 days, else weeks) until the user picks one for it; a
  // pick holds for the period it was made in, so a new period starts from its own default at once.
  const [chosen, setChosen] = useState<{ days: number; interval: Interval } | undefined>(undefined);
  const interval = chosen?.days === days ? chosen.interval : defaultInterval(days);
  const { data, error, loading } = useLoad(
    () => api.trend({ site, survey, ...range, interval, tz: timeZone }).catch((e: unknown) => (onFailure(e), Promise.reject(e))),
    `${site}|${survey}|${scopeKey(range)}|${interval}`,
  );
  // The range starts and ends inside its first and last buckets: those are partial, and say so.
  const partial = new Set([bucketOf(range.from, interval, timeZone), bucketOf(range.to, interval, timeZone)]);
  return (
    <section class="panel" aria-labelledby="koe-trend" aria-busy={loading}>
      <div class="panel-head">
        <h2 id="koe-trend">{texts.trend}</h2>
        <DownloadButton site={site} survey={survey} range={range} />
        <div role="group" class="segmented" aria-label={texts.segments.interval}>
          {(['day', 'week', 'month'] as const).map((value) => (
            <button key={value} type="button" aria-pressed={interval === value} onClick={() => setChosen({ days, interval: value })}>
              {texts.intervals[value]}
            </button>
          ))}
        </div>
      </div>
      <div aria-live="polite">
        {error ? <p class="error">{failureText(error, lang)}</p> : loading ? <p class="muted">{texts.loading}</p> : null}
      </div>
      {data ? <TrendChart points={data} kind={kind} survey={survey} interval={interval} partial={partial} /> : null}
    </section>
  );
}
