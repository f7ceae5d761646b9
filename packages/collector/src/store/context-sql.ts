import type { ResponseFilter } from './store.js';

/** The SQL dialect a query is written for. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * Conditions (each starting ` AND`) keeping the answers whose context holds every pair of the filter's
 * `context`; `alias` prefixes the column (`r.` or ''), `p` adds a parameter and returns its placeholder.
 */
export function contextConditions(filter: Pick<ResponseFilter, 'context'>, alias: string, p: (value: string) => string, dialect: Dialect): string {
  let sql = '';
  for (const [key, value] of Object.entries(filter.context ?? {})) {
    // Keys are core's MapKey (letters, digits, "_", ".", ":", "-"): in double quotes a JSON path reads a
    // key holding "." as one key, and needs no escaping. Both forms compare the value as text.
    sql += dialect === 'sqlite' ? ` AND json_extract(${alias}context, ${p(`$."${key}"`)}) = ${p(value)}` : ` AND ${alias}context ->> ${p(key)} = ${p(value)}`;
  }
  return sql;
}

/** Whether the filter keeps only answers with some context values (then only raw rows can answer it). */
export const hasContext = (filter: Pick<ResponseFilter, 'context'>): boolean => Object.keys(filter.context ?? {}).length > 0;
