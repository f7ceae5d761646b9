import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';

// A database records the versions it applied, never their SQL: a released migration edited afterwards
// (directly, or through a helper that builds its SQL) would leave existing databases silently different
// from new ones. Changing the schema means appending a migration, and adding its fingerprint here.
const fingerprint = (sql: string) => createHash('sha256').update(sql).digest('hex').slice(0, 16);

describe('migrations', () => {
  it('never change once released: SQLite', () => {
    expect(SQLITE_MIGRATIONS.map((m) => [m.version, m.name, fingerprint(m.sql)])).toEqual([
      [1, 'responses', '07745cfa6375212a'],
      [2, 'rollups', '63b7b8076892bec6'],
      [3, 'score vectors', 'cf896b3e2ad2d2a2'],
      [4, 'touchpoint and locale counts', '09b3a42a523540c0'],
      [5, 'follow-up cases', '52db6625943adfce'],
      [6, 'case counts', '0fed8bf0cd87889f'],
    ]);
  });

  it('never change once released: PostgreSQL', () => {
    expect(POSTGRES_MIGRATIONS.map((m) => [m.version, m.name, fingerprint(m.sql)])).toEqual([
      [1, 'responses', '9a586f67805164e7'],
      [2, 'rollups', '986b26bead53cac9'],
      [3, 'shared rate limits', 'ce800ad431bb1d8c'],
      [4, 'touchpoint and locale counts', '8cccc28ebcda8a9f'],
      [5, 'follow-up cases', '5686d3ced4abb07e'],
      [6, 'case counts', '0fed8bf0cd87889f'],
      [7, 'schema guard', 'e5e3a2a2c03c1d98'],
    ]);
  });
});
