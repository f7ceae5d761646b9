import { resolve } from 'node:path';
import { connectStore, isPostgresUrl } from './store/index.js';
import type { SqliteStoreOptions } from './store/sqlite-store.js';
import type { Store } from './store/store.js';

/** Where to keep answers: a PostgreSQL URL, else an SQLite file. */
export interface OpenStoreOptions {
  /** `postgres://…` or `postgresql://…`; takes precedence over `db`. */
  databaseUrl?: string | undefined;
  /** SQLite file path. */
  db: string;
  /** Options of the SQLite store, when the location is a file. */
  sqlite?: SqliteStoreOptions;
}

/** Opens and migrates the store the options name (PostgreSQL when a URL is given, else the SQLite file). */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.databaseUrl) {
    if (!isPostgresUrl(options.databaseUrl)) throw new Error('the database URL must start with postgres:// or postgresql://');
    return connectStore(options.databaseUrl);
  }
  if (isPostgresUrl(options.db)) return connectStore(options.db);
  try {
    return await connectStore(options.db, options.sqlite ? { sqlite: options.sqlite } : {});
  } catch (error) {
    // better-sqlite3 names the problem but not the file ("the directory does not exist").
    throw new Error(`cannot open the SQLite file ${resolve(options.db)}: ${(error as Error).message}`);
  }
}
