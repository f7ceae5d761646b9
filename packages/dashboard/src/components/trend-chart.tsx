import { useEffect, useRef, useState } from 'preact/hooks';
import type { Kind } from '@koe/core/browser';
import type { TrendPoint } from '../api.js';
import { useDashboard } from '../context.js';
import { formatBound, formatCount, formatPeriod, formatScore } from '../format.js';
import type { Interval } from '../period.js';
import { trendGeometry, type ChartBox } from '../trend-geometry.js';
import { ScoreTable } from './score-table.js';

// The chart is drawn at its element's own width (one unit a CSS pixel), so its labels keep their size on a
// phone instead of shrinking with a fixed viewBox.
const BOX: ChartBox = { width: 720, height: 240, left: 44, right: 12, top: 12, bottom: 28 };

/** Props of TrendChart. */
export interface TrendChartProps {
  points: TrendPoint[];
  kind: Kind;
  survey: string;
  interval: Interval;
  /** Buckets the period covers only in part (its first and last). */
  partial: ReadonlySet<string>;
}

/** An SVG line of the score with its interval band, and the same figures as a table for screen readers and copying. */
export function TrendChart({ points, kind, survey, interval, partial }: TrendChartProps) {
  const { texts, lang } = useDashboard();
  const wrap = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(BOX.width);
  useEffect(() => {
    const element = wrap.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const box: ChartBox = { ...BOX, width };
  const geometry = trendGeometry(points, kind, box);
  if (geometry.dots.length === 0) return <p class="muted">{texts.noAnswers}</p>;
  const first = geometry.dots[0]!;
  const last = geometry.dots.at(-1)!;
  const label = (point: TrendPoint) => (partial.has(point.period) ? texts.partialPeriod(formatPeriod(point.period, interval, lang)) : formatPeriod(point.period, interval, lang));
  const range = (point: TrendPoint) => (point.summary.ci ? `${formatBound(kind, point.summary.ci.low, lang)} – ${formatBound(kind, point.summary.ci.high, lang)}` : '–');
  return (
    <>
      <div ref={wrap} class="chart-wrap">
        <svg class="chart" viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={texts.trendLabel(survey, geometry.dots.length, `${label(last.point)} ${formatScore(kind, last.point.summary.score, lang)}`)}>
          {geometry.ticks.map((tick) => (
            <g key={tick.value} class="tick">
              <line x1={box.left} x2={box.width - box.right} y1={tick.y} y2={tick.y} />
              <text x={box.left - 6} y={tick.y + 4} text-anchor="end">
                {formatScore(kind, tick.value, lang)}
              </text>
            </g>
          ))}
          {geometry.band ? <polygon class="band" points={geometry.band} /> : null}
          <polyline class="line" points={geometry.line} />
          {geometry.dots.map((dot) => (
            <circle key={dot.point.period} class={`dot${partial.has(dot.point.period) ? ' partial' : ''}`} cx={dot.x} cy={dot.y} r={geometry.dots.length > 60 ? 2 : 3.5} data-period={dot.point.period}>
              <title>{`${label(dot.point)}: ${formatScore(kind, dot.point.summary.score, lang)} (${range(dot.point)}), ${texts.answers(formatCount(dot.point.summary.n, lang))}`}</title>
            </circle>
          ))}
          <text class="axis" x={first.x} y={box.height - 8} text-anchor={geometry.dots.length === 1 ? 'middle' : 'start'}>
            {formatPeriod(first.point.period, interval, lang)}
          </text>
          {geometry.dots.length > 1 ? (
            <text class="axis" x={last.x} y={box.height - 8} text-anchor="end">
              {formatPeriod(last.point.period, interval, lang)}
            </text>
          ) : null}
        </svg>
      </div>
      <details class="as-table">
        <summary>{texts.asTable}</summary>
        <ScoreTable kind={kind} heading={texts.periodHeading} rows={points.map((point) => ({ key: point.period, label: label(point), summary: point.summary }))} />
      </details>
    </>
  );
}
