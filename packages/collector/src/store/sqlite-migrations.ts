import type Database from 'better-sqlite3';

/** One schema change; `version` orders them and is recorded once applied. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Hourly and daily counts per (site, survey, channel, score) and per (site, survey, score), the widths `response_counts` keeps. */
export const COUNT_WIDTHS = [3_600_000, 86_400_000] as const;

/** The `channel` of the counts over every channel: most reports need no channel, and read 4× fewer rows. */
export const ALL_CHANNELS = '';

/**
 * The `channel` of counts kept per touchpoint (over every channel) starts with this: `\u0001checkout`, and
 * `\u0001` alone for answers without a touchpoint. Core's channels are lowercase words, so the two never
 * meet, and in byte order every touchpoint's counts sort between those over every channel and the channels'.
 */
export const TOUCHPOINT_SLICE = '\u0001';

/** The same for counts kept per locale (over every channel): `\u0002ja-JP`. They sort after the touchpoints'. */
export const LOCALE_SLICE = '\u0002';

/**
 * The same for counts kept per channel and touchpoint: `\u0003web\u0001checkout` (`\u0003web\u0001` for
 * answers of the web without a touchpoint). A channel is a word of core's, so the key is never ambiguous.
 */
export const CHANNEL_TOUCHPOINT_SLICE = '\u0003';

/** The first `channel` past the touchpoints', locales' and pairs' counts: `channel >= ` it is a channel's own. */
export const CHANNEL_SLICES_FROM = '\u0004';

// Each answer's count rows, as [width, `channel` key in SQL] (SQLite's char(n) is PostgreSQL's chr(n)), by
// the hour and by the day: under its channel, every channel, its touchpoint, its locale, and its channel
// and touchpoint together. (The daily
// rows of touchpoints and locales cost a commit about 0.3 µs per answer; without them a 90-day breakdown
// by locale read 77,000 hourly counts on PostgreSQL: 63 against 8 to 12 ms under EXPLAIN ANALYZE.)
const countParts = (fn: 'char' | 'chr'): readonly (readonly [number, string])[] =>
  COUNT_WIDTHS.flatMap((w) => [...sliceKeysSql(fn)].map((key) => [w, key] as const));

// The `channel` keys of one answer's counts, in SQL.
const sliceKeysSql = (fn: 'char' | 'chr') =>
  ['channel', `'${ALL_CHANNELS}'`, `${fn}(1) || coalesce(touchpoint, '')`, `${fn}(2) || locale`, `${fn}(3) || channel || ${fn}(1) || coalesce(touchpoint, '')`] as const;

/** The count rows each answer makes in SQLite, as [width, `channel` key in SQL]. */
export const COUNT_PARTS_SQLITE = countParts('char');

/** The same for PostgreSQL. */
export const COUNT_PARTS_POSTGRES = countParts('chr');

// Migration 2's own rebuild, kept as it ran: a released migration's SQL never changes.
function perScoreCountsSql(): string {
  // SQLite's % truncates toward zero: this floors answers before 1970 correctly too.
  const parts = COUNT_WIDTHS.flatMap((w) =>
    ['channel', `'${ALL_CHANNELS}'`].map(
      (channel) => `SELECT site, survey, ${w}, answered_at - ((answered_at % ${w}) + ${w}) % ${w}, ${channel}, score, count(*)
      FROM responses GROUP BY 1, 2, 4, 5, 6`,
    ),
  );
  return `DELETE FROM response_counts;
      INSERT INTO response_counts (site, survey, width, start, channel, score, n) ${parts.join(' UNION ALL ')};`;
}

/** The score columns of `score_counts`: `n0` holds the answers scoring 0, … `n10` those scoring 10. */
export const SCORE_COLUMNS: readonly `n${number}`[] = Array.from({ length: 11 }, (_, score) => `n${score}` as const);

// Every column a sum of the rows scoring its value, e.g. `sum(CASE score WHEN 0 THEN n ELSE 0 END)`.
const pivot = (n: string) => SCORE_COLUMNS.map((_, score) => `sum(CASE score WHEN ${score} THEN ${n} ELSE 0 END)`).join(', ');

/** SQL that recomputes `score_counts` from `responses` (bulk loads that bypass the writer, and tests). */
export function rebuildCountsSql(): string {
  const parts = COUNT_PARTS_SQLITE.map(
    ([w, channel]) => `SELECT site, survey, ${w}, answered_at - ((answered_at % ${w}) + ${w}) % ${w}, ${channel}, ${pivot('1')}
      FROM responses GROUP BY 1, 2, 4, 5`,
  );
  return `DELETE FROM score_counts;
      INSERT INTO score_counts (site, survey, width, start, channel, ${SCORE_COLUMNS.join(', ')}) ${parts.join(' UNION ALL ')};`;
}

/** SQLite's schema, oldest first. Never edit a released migration: append a new one. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'responses',
    sql: `
      CREATE TABLE responses (
        id TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        survey TEXT NOT NULL,
        kind TEXT NOT NULL,
        score INTEGER NOT NULL,
        category TEXT NOT NULL,
        comment TEXT,
        locale TEXT NOT NULL,
        channel TEXT NOT NULL,
        touchpoint TEXT,
        context TEXT,
        respondent TEXT,
        anonymous_id TEXT,
        user_id TEXT,
        answered_at INTEGER NOT NULL,
        answered_at_text TEXT NOT NULL,
        received_at INTEGER NOT NULL
      );
      -- Report counts: one (channel, score) cell at a time is a contiguous range of answered_at here,
      -- so each count is a seek and a step through exactly the matching entries, never a sort.
      CREATE INDEX responses_cells ON responses (site, survey, channel, score, answered_at, touchpoint);
      -- Exports in answeredAt order and the span of a survey's answers.
      CREATE INDEX responses_time ON responses (site, survey, answered_at);
      CREATE INDEX responses_anonymous_id ON responses (anonymous_id) WHERE anonymous_id IS NOT NULL;
      CREATE INDEX responses_user_id ON responses (user_id) WHERE user_id IS NOT NULL;
    `,
  },
  {
    version: 2,
    name: 'rollups',
    // The (channel, score) cells index and the respondent indexes put each answer at a scattered place, which
    // made a commit of 50 answers about twice as costly (28 against 13 µs per answer, measured). Reports now
    // read hourly and daily counts kept on insert; the one remaining secondary index grows at its end; a
    // respondent's deletion scans instead (rare, chunked).
    sql: `
      CREATE TABLE response_counts (
        site TEXT NOT NULL,
        survey TEXT NOT NULL,
        width INTEGER NOT NULL,
        start INTEGER NOT NULL,
        channel TEXT NOT NULL,
        score INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (site, survey, width, start, channel, score)
      ) WITHOUT ROWID;
      DROP INDEX responses_cells;
      DROP INDEX responses_anonymous_id;
      DROP INDEX responses_user_id;
      DROP INDEX responses_time;
      -- Exports, the span of a survey, and the raw parts of reports (sub-hour edges, touchpoints), index-only.
      CREATE INDEX responses_time ON responses (site, survey, answered_at, channel, score, touchpoint);
      ${perScoreCountsSql()}
    `,
  },
  {
    version: 3,
    name: 'score vectors',
    // One row per hour (or day) and channel with a column per score value: a commit of answers spread over
    // the eleven NPS scores wrote 44 per-score counts, and now writes 4 rows; reports read 11 times fewer
    // rows. Eleven columns hold every scale of core (0–10, 1–5, 1–7).
    sql: `
      CREATE TABLE score_counts (
        site TEXT NOT NULL,
        survey TEXT NOT NULL,
        width INTEGER NOT NULL,
        start INTEGER NOT NULL,
        channel TEXT NOT NULL,
        ${SCORE_COLUMNS.map((column) => `${column} INTEGER NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (site, survey, width, start, channel)
      ) WITHOUT ROWID;
      INSERT INTO score_counts (site, survey, width, start, channel, ${SCORE_COLUMNS.join(', ')})
        SELECT site, survey, width, start, channel, ${pivot('n')} FROM response_counts GROUP BY 1, 2, 3, 4, 5;
      DROP TABLE response_counts;
    `,
  },
  {
    version: 4,
    name: 'touchpoint and locale counts',
    // Summaries filtered by touchpoint and breakdowns by touchpoint or locale read every answer's index
    // entry or row (36, 195 and about 700 ms for 90 days over 1,000,000 answers, most of it SQLite sorting
    // them to group): they now read hourly and daily counts kept per touchpoint, per locale and per channel
    // and touchpoint, in score_counts under TOUCHPOINT_SLICE, LOCALE_SLICE and CHANNEL_TOUCHPOINT_SLICE keys. (Spelt out: a released migration's SQL never changes.)
    sql: COUNT_WIDTHS.flatMap((w) =>
      [`char(1) || coalesce(touchpoint, '')`, 'char(2) || locale', `char(3) || channel || char(1) || coalesce(touchpoint, '')`].map(
        (key) => `INSERT INTO score_counts (site, survey, width, start, channel, ${SCORE_COLUMNS.join(', ')})
      SELECT site, survey, ${w}, answered_at - ((answered_at % ${w}) + ${w}) % ${w}, ${key}, ${pivot('1')}
      FROM responses GROUP BY 1, 2, 4, 5;`,
      ),
    ).join('\n'),
  },
  {
    version: 5,
    name: 'follow-up cases',
    // One case per answer that opened one (the answer's id), deleted with it (a respondent's erasure
    // cascades: the connections that delete turn foreign keys on). notify_at is the next webhook attempt,
    // NULL once delivered, given up, or when none is configured; the partial index keeps the notifier's
    // poll to the cases it has to send.
    sql: `
      CREATE TABLE cases (
        id TEXT PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
        site TEXT NOT NULL,
        survey TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open',
        assignee TEXT,
        note TEXT,
        opened_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        notify_at INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        notified_at INTEGER,
        notify_error TEXT
      );
      CREATE INDEX cases_list ON cases (site, opened_at, id);
      CREATE INDEX cases_due ON cases (notify_at) WHERE notify_at IS NOT NULL;
    `,
  },
  {
    version: 6,
    name: 'case counts',
    // GET /v1/cases counts a site's cases by status and survey on every page: without this index the count
    // read every case of the site (33 ms for 69,000 cases on SQLite, on the event loop).
    sql: `
      CREATE INDEX cases_count ON cases (site, status, survey);
    `,
  },
];

/**
 * Applies pending migrations, each in its own IMMEDIATE transaction so several processes opening one
 * file at once serialise on SQLite's write lock and each migration runs exactly once.
 */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[] = SQLITE_MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS koe_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const newest = db.prepare<[], { v: number | null }>('SELECT max(version) AS v FROM koe_migrations').get()?.v ?? 0;
  if (newest > known) {
    throw new Error(`${db.name} has schema version ${newest}, newer than this koe knows (${known}): upgrade koe`);
  }
  const applied: number[] = [];
  const has = db.prepare<[number]>('SELECT 1 FROM koe_migrations WHERE version = ?');
  const record = db.prepare<[number, string, number]>('INSERT INTO koe_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const run = db.transaction(() => {
      if (has.get(migration.version)) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
      applied.push(migration.version);
    });
    run.immediate();
  }
  return applied;
}

/** The newest schema version this build knows. */
export const SQLITE_SCHEMA_VERSION = Math.max(...SQLITE_MIGRATIONS.map((m) => m.version));
