import { SCALES } from '@koe/core/browser';
import type { SummaryReport } from '../api.js';
import { useDashboard } from '../context.js';
import { formatPercent, toneOf } from '../format.js';

/** The share of each category as a stacked bar, best first, with a legend giving the shares. */
export function CategoryBar({ report }: { report: SummaryReport }) {
  const { texts, lang } = useDashboard();
  const parts = SCALES[report.kind].categories.map((c) => ({ name: c.name, tone: toneOf(report.kind, c.name), count: report.categories[c.name] ?? 0 }));
  // One decimal for every share, so the legend's figures line up (74.0%, not 74%, beside 11.8%).
  const share = (count: number) => formatPercent(report.n === 0 ? 0 : count / report.n, lang, 1);
  return (
    <>
      <span class="bar" aria-hidden="true">
        {parts.map((p) => (p.count > 0 ? <span key={p.name} class={`bar-part ${p.tone}`} style={{ flexGrow: p.count }} /> : null))}
      </span>
      <span class="legend">
        {parts.map((p) => (
          <span key={p.name} class="legend-item">
            <span class={`swatch ${p.tone}`} aria-hidden="true" />
            {texts.categories[p.name]} {share(p.count)}
          </span>
        ))}
      </span>
    </>
  );
}
