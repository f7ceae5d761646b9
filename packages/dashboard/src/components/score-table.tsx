import type { ComponentChildren } from 'preact';
import type { Kind, Summary } from '@koe/core';
import { useDashboard } from '../context.js';
import { formatBound, formatCount, formatScore } from '../format.js';

/** One row of a ScoreTable: what it is about, and its summary. */
export interface ScoreRow {
  key: string;
  label: ComponentChildren;
  summary: Summary;
}

/** Props of ScoreTable. */
export interface ScoreTableProps {
  kind: Kind;
  /** The first column's heading (the value, the period). */
  heading: string;
  rows: ScoreRow[];
}

/** Answers, score and interval per row, as breakdowns and the trend's table view show them; scrolls on a phone. */
export function ScoreTable({ kind, heading, rows }: ScoreTableProps) {
  const { texts, lang } = useDashboard();
  return (
    <div class="table-wrap">
      <table class="breakdown">
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" class="num">{texts.answersHeading}</th>
            <th scope="col" class="num">{texts.score}</th>
            <th scope="col" class="num">{texts.intervalHeading}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td class="num">{formatCount(row.summary.n, lang)}</td>
              <td class="num">{formatScore(kind, row.summary.score, lang)}</td>
              <td class="num">{row.summary.ci ? `${formatBound(kind, row.summary.ci.low, lang)} – ${formatBound(kind, row.summary.ci.high, lang)}` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
