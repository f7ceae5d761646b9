import { PostgresStore, type PostgresStoreOptions } from './postgres-store.js';
import { SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
import type { Store } from './store.js';

/** Options of `connectStore`, passed to whichever store the location names. */
export interface ConnectStoreOptions {
  sqlite?: SqliteStoreOptions;
  postgres?: PostgresStoreOptions;
}

/** Whether a location is a PostgreSQL URL rather than an SQLite file path. */
export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/**
 * Opens and migrates the store at `location`: a `postgres://` or `postgresql://` URL, else an SQLite
 * file path (`:memory:` for a throwaway database).
 */
export async function connectStore(location: string, options: ConnectStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) return PostgresStore.open(location, options.postgres);
  return new SqliteStore(location, options.sqlite);
}
