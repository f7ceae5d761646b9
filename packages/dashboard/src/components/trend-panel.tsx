import { useState } from 'preact/hooks';
import type { Kind } from '@koe/core/browser';
import type { TrendPoint } from '../api.js';
import { failureText, useDashboard } from '../context.js';
import { formatBound, formatCount, formatPeriod, formatScore } from '../format.js';
import { defaultInterval } from '../period.js';
import { trendGeometry, type ChartBox } from '../trend-geometry.js';
import { useLoad } from '../use-load.js';

const BOX: ChartBox = { width: 720, height: 240, left: 44, right: 12, top: 12, bottom: 28 };

/** Props of TrendPanel. */
export interface TrendPanelProps {
  site: string;
  survey: string;
  kind: Kind;
  range: { from: string; to: string };
  days: number;
}

/** The survey's score per day, week or month in the browser's time zone, with its interval as a band. */
export function TrendPanel({ site, survey, kind, range, days }: TrendPanelProps) {
  const { api, texts, lang, timeZone, onFailure } = useDashboard();
  const [interval, setBucket] = useState<'day' | 'week' | 'month'>(defaultInterval(days));
  const { data, error, loading } = useLoad(
    () => api.trend({ site, survey, ...range, interval, tz: timeZone }).catch((e: unknown) => (onFailure(e), Promise.reject(e))),
    `${site}|${survey}|${range.from}|${range.to}|${interval}`,
  );
  return (
    <section class="panel" aria-labelledby="koe-trend">
      <div class="panel-head">
        <h2 id="koe-trend">{texts.trend}</h2>
        <div role="group" class="segmented">
          {(['day', 'week', 'month'] as const).map((value) => (
            <button key={value} type="button" aria-pressed={interval === value} onClick={() => setBucket(value)}>
              {texts.intervals[value]}
            </button>
          ))}
        </div>
      </div>
      {error ? <p class="error">{failureText(error, lang)}</p> : data ? <TrendChart points={data} kind={kind} survey={survey} interval={interval} /> : loading ? <p class="muted">{texts.loading}</p> : null}
    </section>
  );
}

/** Props of TrendChart. */
export interface TrendChartProps {
  points: TrendPoint[];
  kind: Kind;
  survey: string;
  interval: 'day' | 'week' | 'month';
}

/** An SVG line of the score with its interval band; each dot's title gives the period, score and answers. */
export function TrendChart({ points, kind, survey, interval }: TrendChartProps) {
  const { texts, lang } = useDashboard();
  const geometry = trendGeometry(points, kind, BOX);
  if (geometry.dots.length === 0) return <p class="muted">{texts.noAnswers}</p>;
  const first = geometry.dots[0]!;
  const last = geometry.dots.at(-1)!;
  return (
    <svg class="chart" viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={texts.trendLabel(survey, geometry.dots.length)}>
      {geometry.ticks.map((tick) => (
        <g key={tick.value} class="tick">
          <line x1={BOX.left} x2={BOX.width - BOX.right} y1={tick.y} y2={tick.y} />
          <text x={BOX.left - 6} y={tick.y + 4} text-anchor="end">
            {formatScore(kind, tick.value, lang)}
          </text>
        </g>
      ))}
      {geometry.band ? <polygon class="band" points={geometry.band} /> : null}
      <polyline class="line" points={geometry.line} />
      {geometry.dots.map((dot) => (
        <circle key={dot.point.period} class="dot" cx={dot.x} cy={dot.y} r={geometry.dots.length > 60 ? 2 : 3.5} data-period={dot.point.period}>
          <title>
            {`${formatPeriod(dot.point.period, interval, lang)}: ${formatScore(kind, dot.point.summary.score, lang)}`}
            {dot.point.summary.ci ? ` (${formatBound(kind, dot.point.summary.ci.low, lang)}–${formatBound(kind, dot.point.summary.ci.high, lang)})` : ''}
            {`, ${texts.answers(formatCount(dot.point.summary.n, lang))}`}
          </title>
        </circle>
      ))}
      <text class="axis" x={first.x} y={BOX.height - 8} text-anchor={geometry.dots.length === 1 ? 'middle' : 'start'}>
        {formatPeriod(first.point.period, interval, lang)}
      </text>
      {geometry.dots.length > 1 ? (
        <text class="axis" x={last.x} y={BOX.height - 8} text-anchor="end">
          {formatPeriod(last.point.period, interval, lang)}
        </text>
      ) : null}
    </svg>
  );
}
