import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { TALLY, registerTally, tallyRows } from './sqlite-tally.js';

const db = new Database(':memory:');
registerTally(db);
db.exec('CREATE TABLE t (k INTEGER, v TEXT, score INTEGER)');
afterAll(() => db.close());

const tally = (rows: [number, string | null, number][]) => {
  db.exec('DELETE FROM t');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?)');
  for (const row of rows) insert.run(...row);
  const json = db.prepare(`SELECT ${TALLY}(k, v, score) FROM t`).pluck().get() as string;
  // NULL first, then values by code unit: an order of the test's own, as neither side promises one.
  const key = (v: string | null) => (v === null ? '' : ` ${v}`);
  const sorted = (list: { k: number; v: string | null; score: number | string }[]) =>
    [...list].sort((a, b) => a.k - b.k || (key(a.v) < key(b.v) ? -1 : key(a.v) > key(b.v) ? 1 : 0) || Number(a.score) - Number(b.score));
  // The same counts as SQLite's own GROUP BY, which the aggregate replaces.
  const grouped = db.prepare('SELECT k, v, score, count(*) AS n FROM t GROUP BY 1, 2, 3').all() as { k: number; v: string | null; score: number; n: number }[];
  expect(sorted(tallyRows(json))).toEqual(sorted(grouped));
  return sorted(tallyRows(json));
};

describe('koe_tally', () => {
  it('gives no rows for no input', () => {
    expect(tally([])).toEqual([]);
  });

  it('counts per segment, value and score, scores 0 and 10 included', () => {
    expect(
      tally([
        [0, 'agent-1', 0],
        [0, 'agent-1', 0],
        [0, 'agent-1', 10],
        [1, 'agent-1', 0],
        [0, 'agent-2', 7],
      ]),
    ).toEqual([
      { k: 0, v: 'agent-1', score: 0, n: 2 },
      { k: 0, v: 'agent-1', score: 10, n: 1 },
      { k: 0, v: 'agent-2', score: 7, n: 1 },
      { k: 1, v: 'agent-1', score: 0, n: 1 },
    ]);
  });

  it('keeps a missing value (NULL) apart from the string "null", and Japanese and emoji values whole', () => {
    expect(
      tally([
        [0, null, 5],
        [0, 'null', 5],
        [0, null, 5],
        [0, '田中', 3],
        [0, '👩‍💻', 3],
      ]),
    ).toEqual([
      { k: 0, v: null, score: 5, n: 2 },
      { k: 0, v: 'null', score: 5, n: 1 },
      { k: 0, v: '田中', score: 3, n: 1 },
      { k: 0, v: '👩‍💻', score: 3, n: 1 },
    ]);
  });

  it('keeps separate tallies for separate groups of one query', () => {
    db.exec('DELETE FROM t');
    db.prepare('INSERT INTO t VALUES (?, ?, ?)').run(0, 'a', 1);
    db.prepare('INSERT INTO t VALUES (?, ?, ?)').run(1, 'a', 1);
    const perK = db.prepare(`SELECT k, ${TALLY}(k, v, score) AS j FROM t GROUP BY k ORDER BY k`).all() as { k: number; j: string }[];
    expect(perK.map((row) => tallyRows(row.j))).toEqual([[{ k: 0, v: 'a', score: 1, n: 1 }], [{ k: 1, v: 'a', score: 1, n: 1 }]]);
  });
});
