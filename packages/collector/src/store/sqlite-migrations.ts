import type Database from 'better-sqlite3';

/** One schema change; `version` orders them and is recorded once applied. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
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
