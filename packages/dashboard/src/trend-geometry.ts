import { SCALES, type Kind } from '@koe/core/browser';
import type { TrendPoint } from './api.js';

/** The drawing area of the trend chart, in SVG user units. */
export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What the chart draws: the score line, the interval band, one dot per period, the y-axis ticks. */
export interface TrendGeometry {
  line: string;
  band: string;
  dots: { x: number; y: number; point: TrendPoint }[];
  ticks: { y: number; value: number }[];
}

/** The range a kind's score can take: NPS −100…100, CSAT 0…100 (%), CES the scale's 1…7. */
export function scoreDomain(kind: Kind): [number, number] {
  if (kind === 'nps') return [-100, 100];
  if (kind === 'csat') return [0, 100];
  return [SCALES[kind].min, SCALES[kind].max];
}

/**
 * Places periods by their date (so a gap without answers shows as a gap in time, not a squeezed line) and
 * scores on the kind's whole range (so two surveys' charts compare at a glance and no axis exaggerates).
 */
export function trendGeometry(points: readonly TrendPoint[], kind: Kind, box: ChartBox): TrendGeometry {
  const [low, high] = scoreDomain(kind);
  const scored = points.filter((p) => p.summary.score !== null);
  const times = scored.map((p) => Date.parse(`${p.period}T00:00:00Z`));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const x = (t: number) => (last === first ? (box.left + box.width - box.right) / 2 : box.left + ((t - first) / (last - first)) * (box.width - box.left - box.right));
  const y = (v: number) => box.top + ((high - Math.min(high, Math.max(low, v))) / (high - low)) * (box.height - box.top - box.bottom);
  const round = (v: number) => Math.round(v * 10) / 10;
  const dots = scored.map((point, i) => ({ x: round(x(times[i]!)), y: round(y(point.summary.score!)), point }));
  const upper: string[] = [];
  const lower: string[] = [];
  scored.forEach((point, i) => {
    const ci = point.summary.ci;
    if (!ci) return;
    upper.push(`${round(x(times[i]!))},${round(y(ci.high))}`);
    lower.unshift(`${round(x(times[i]!))},${round(y(ci.low))}`);
  });
  const steps = 4;
  return {
    line: dots.map((d) => `${d.x},${d.y}`).join(' '),
    band: upper.length > 1 ? [...upper, ...lower].join(' ') : '',
    dots,
    ticks: Array.from({ length: steps + 1 }, (_, i) => {
      const value = low + ((high - low) * i) / steps;
      return { y: round(y(value)), value };
    }),
  };
}
