import type Database from 'better-sqlite3';
import type { CountRow } from './report-assembly.js';

/** The SQL aggregate `koe_tally(k, v, score)` that registerTally defines. */
export const TALLY = 'koe_tally';

type Tally = Map<number, Map<string | null, number[]>>;

/**
 * Defines `koe_tally(k, v, score)` on `db`: the answers of each segment, dimension value and score, as a
 * JSON list of `[k, v, score, n]`; parse it with `tallyRows`.
 */
// Why not GROUP BY: SQLite has no hash aggregation, so grouping raw rows sorts every one of them first.
// For a breakdown by a context key over 337,000 answers that sort was most of the time (see the README's
// Benchmarks), while the groups themselves number a few hundred: counting them in a map while the rows
// stream by does not sort at all.
export function registerTally(db: Database.Database): void {
  db.aggregate<Tally>(TALLY, {
    start: () => new Map(),
    step: tallyStep as unknown as (tally: Tally) => void,
    result(tally: Tally) {
      const rows: [number, string | null, number, number][] = [];
      for (const [k, values] of tally) {
        for (const [v, scores] of values) scores.forEach((n, score) => rows.push([k, v, score, n]));
      }
      return JSON.stringify(rows);
    },
  });
}

// better-sqlite3's typings give a step one argument after the state; SQLite passes it the call's three.
function tallyStep(tally: Tally, k: number, v: string | null, score: number): void {
  let values = tally.get(k);
  if (values === undefined) tally.set(k, (values = new Map()));
  let scores = values.get(v);
  if (scores === undefined) values.set(v, (scores = []));
  scores[score] = (scores[score] ?? 0) + 1;
}

/** The CountRows of a `koe_tally` result. */
export function tallyRows(json: string): CountRow[] {
  return (JSON.parse(json) as [number, string | null, number, number][]).map(([k, v, score, n]) => ({ k, v, score, n }));
}
