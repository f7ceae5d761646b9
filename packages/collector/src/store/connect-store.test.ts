import { describe, expect, it } from 'vitest';
import { connectStore, isPostgresUrl } from './connect-store.js';
import { SqliteStore } from './sqlite-store.js';

describe('connectStore', () => {
  it('tells PostgreSQL URLs from file paths', () => {
    expect(isPostgresUrl('postgres://u@h/db')).toBe(true);
    expect(isPostgresUrl('postgresql://u@h:5432/db?sslmode=require')).toBe(true);
    expect(isPostgresUrl('./koe.db')).toBe(false);
    expect(isPostgresUrl('postgres.db')).toBe(false);
  });

  it('opens an SQLite file for a path', async () => {
    const store = await connectStore(':memory:');
    expect(store).toBeInstanceOf(SqliteStore);
    await store.close();
  });

  it('rejects when PostgreSQL is unreachable', async () => {
    await expect(connectStore('postgres://postgres@127.0.0.1:1/none')).rejects.toThrow();
  });
});
