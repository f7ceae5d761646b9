import type { Sql } from 'postgres';
import { ALL_CHANNELS, COUNT_PARTS_POSTGRES, COUNT_WIDTHS, type Migration } from './sqlite-migrations.js';

/**
 * The hourly and daily count rows (per channel, over every channel, per touchpoint and per locale, as
 * SQLite keeps them) of the answers in `source`, a table or CTE with site, survey, answered_at, channel,
 * touchpoint, locale and score; `n` is what each answer adds (1, or -1 for a deletion).
 */
export function countRowsSql(source: string, n: '1' | '-1', parts: readonly (readonly [number, string])[] = COUNT_PARTS_POSTGRES): string {
  // % truncates toward zero: this floors answers before 1970 correctly too.
  return parts
    .map(
      ([w, channel]) => `SELECT site, survey, ${w}::bigint AS width, answered_at - ((answered_at % ${w}) + ${w}) % ${w} AS start,
        ${channel} AS channel, score, ${n === '1' ? '' : '-'}count(*) AS n FROM ${source} GROUP BY 1, 2, 4, 5, 6`,
    )
    .join(' UNION ALL ');
}

/** PostgreSQL's schema, oldest first; the same tables and meaning as SQLite's. Never edit a released one. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'responses',
    // Times are epoch ms like SQLite's, so both stores bucket identically; "C" collation makes key
    // comparisons bytewise (faster, and the same order as SQLite). `json`, not `jsonb`: it keeps the
    // context exactly as sent, key order included.
    sql: `
      CREATE TABLE responses (
        id text COLLATE "C" PRIMARY KEY,
        site text COLLATE "C" NOT NULL,
        survey text COLLATE "C" NOT NULL,
        kind text NOT NULL,
        score smallint NOT NULL,
        category text NOT NULL,
        comment text,
        locale text COLLATE "C" NOT NULL,
        channel text COLLATE "C" NOT NULL,
        touchpoint text COLLATE "C",
        context json,
        respondent json,
        anonymous_id text COLLATE "C",
        user_id text COLLATE "C",
        answered_at bigint NOT NULL,
        answered_at_text text NOT NULL,
        received_at bigint NOT NULL
      );
      CREATE INDEX responses_report ON responses (site, survey, answered_at) INCLUDE (score, channel, touchpoint);
      CREATE INDEX responses_anonymous_id ON responses (anonymous_id) WHERE anonymous_id IS NOT NULL;
      CREATE INDEX responses_user_id ON responses (user_id) WHERE user_id IS NOT NULL;
    `,
  },
  {
    version: 2,
    name: 'rollups',
    // Hourly and daily counts, as in SQLite, so reports read a few hundred rows instead of every answer.
    // Writers never update a count (several processes would queue on the same hot rows): each commit
    // appends its deltas, and a compaction (PostgresStore) folds them into response_counts now and then.
    // Reports add both up in one snapshot.
    sql: `
      CREATE TABLE response_counts (
        site text COLLATE "C" NOT NULL,
        survey text COLLATE "C" NOT NULL,
        width bigint NOT NULL,
        start bigint NOT NULL,
        channel text COLLATE "C" NOT NULL,
        score smallint NOT NULL,
        n bigint NOT NULL,
        -- Channel before the time: most reports want one channel (or every channel, ''), whose counts
        -- are then one contiguous range per piece of time.
        -- INCLUDE (n): reports read the index alone (a 90-day Tokyo trend: 24,000 counts, 43 ms with a
        -- heap fetch each).
        PRIMARY KEY (site, survey, channel, width, start, score) INCLUDE (n)
      );
      -- The same columns (NOT NULL included), no key: writers only append.
      CREATE TABLE response_count_deltas (LIKE response_counts EXCLUDING CONSTRAINTS EXCLUDING INDEXES);
      INSERT INTO response_counts (site, survey, width, start, channel, score, n) ${countRowsSql('responses', '1', COUNT_WIDTHS.flatMap((w) => [[w, 'channel'] as const, [w, `'${ALL_CHANNELS}'`] as const]))};
    `,
  },
  {
    version: 3,
    name: 'shared rate limits',
    // Several processes add up their rate-limit hits here (PostgresRateCounts). Unlogged: counts that
    // live a minute need no crash safety, and skip the WAL. Keys are keyed hashes of the client address
    // under a secret made once per database, so the table never holds an IP address.
    sql: `
      CREATE UNLOGGED TABLE rate_counts (
        window_start bigint NOT NULL,
        key text COLLATE "C" NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (window_start, key)
      );
      CREATE TABLE koe_secrets (name text PRIMARY KEY, value text NOT NULL);
      INSERT INTO koe_secrets (name, value) VALUES ('rate_key', gen_random_uuid()::text || gen_random_uuid()::text);
    `,
  },
  {
    version: 4,
    name: 'touchpoint and locale counts',
    // As SQLite's migration 4: hourly and daily counts per touchpoint, per locale and per channel and
    // touchpoint, under TOUCHPOINT_SLICE, LOCALE_SLICE and CHANNEL_TOUCHPOINT_SLICE keys of channel.
    sql: `
      INSERT INTO response_counts (site, survey, width, start, channel, score, n)
        ${countRowsSql('responses', '1', COUNT_WIDTHS.flatMap((w) =>
          [`chr(1) || coalesce(touchpoint, '')`, 'chr(2) || locale', `chr(3) || channel || chr(1) || coalesce(touchpoint, '')`].map((key) => [w, key] as const)))};
    `,
  },
  {
    version: 5,
    name: 'follow-up cases',
    // As SQLite's: one case per answer that opened one, deleted with it; notify_at is the next webhook attempt.
    sql: `
      CREATE TABLE cases (
        id text COLLATE "C" PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
        site text COLLATE "C" NOT NULL,
        survey text COLLATE "C" NOT NULL,
        status text NOT NULL DEFAULT 'open',
        assignee text,
        note text,
        opened_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        notify_at bigint,
        attempts integer NOT NULL DEFAULT 0,
        notified_at bigint,
        notify_error text
      );
      CREATE INDEX cases_list ON cases (site, opened_at, id);
      CREATE INDEX cases_due ON cases (notify_at) WHERE notify_at IS NOT NULL;
    `,
  },
  {
    version: 6,
    name: 'case counts',
    // As SQLite's: the count of GET /v1/cases by status and survey reads this index, not the site's every case.
    sql: `
      CREATE INDEX cases_count ON cases (site, status, survey);
    `,
  },
  {
    version: 7,
    name: 'schema guard',
    // During a rolling upgrade, a collector of the old version keeps writing after a newer one migrated the
    // schema, and its writes would miss what the migration changed (counts it does not know to keep). Its
    // writes call this first and fail instead. VOLATILE, so its query sees a migration committed while the
    // write waited on the migration's table lock, not the write statement's own older snapshot.
    sql: `
      CREATE FUNCTION koe_require_schema(known integer) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM koe_migrations WHERE version > known) THEN
          RAISE EXCEPTION 'koe: the database was migrated past schema version % by a newer koe; restart this collector with that version', known;
        END IF;
        RETURN true;
      END $$;
    `,
  },
];

// Any fixed number shared by every koe process; pg_advisory_xact_lock serialises migrators on it.
const MIGRATION_LOCK = 0x6b6f65; // "koe"

/**
 * Applies pending migrations in one transaction under an advisory lock, so several collectors starting
 * at once on one database migrate exactly once and none serves before the schema is complete.
 */
export async function migratePostgres(sql: Sql, schema?: string, migrations: readonly Migration[] = POSTGRES_MIGRATIONS): Promise<number[]> {
  const known = Math.max(0, ...migrations.map((m) => m.version));
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    if (schema) await tx`CREATE SCHEMA IF NOT EXISTS ${tx(schema)}`;
    await tx`CREATE TABLE IF NOT EXISTS koe_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;
    const rows = await tx<{ version: number }[]>`SELECT version FROM koe_migrations`;
    const done = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    if (newest > known) throw new Error(`the database has koe schema version ${newest}, newer than this koe knows (${known}): upgrade koe`);
    const applied: number[] = [];
    // Writers of running collectors wait until the migration commits, then see it (see migration 7), rather
    // than write beside it with the old schema's meaning. Only a database with answers has writers.
    if (done.has(1) && migrations.some((m) => !done.has(m.version))) await tx`LOCK TABLE responses IN SHARE ROW EXCLUSIVE MODE`;
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await tx.unsafe(migration.sql);
      await tx`INSERT INTO koe_migrations (version, name) VALUES (${migration.version}, ${migration.name})`;
      applied.push(migration.version);
    }
    return applied;
  });
}

/** The newest schema version this build knows. */
export const POSTGRES_SCHEMA_VERSION = Math.max(...POSTGRES_MIGRATIONS.map((m) => m.version));
