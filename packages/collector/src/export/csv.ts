import type { StoredResponse } from '../store/store.js';
import { contextValue } from './context-columns.js';
import { localTimeFormatter } from './local-time.js';

/** The byte-order mark that makes Excel (notably in Japan) read a CSV file as UTF-8. */
export const BOM = '\uFEFF';

/** The CSV export's columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'site',
  'survey',
  'kind',
  'score',
  'category',
  'comment',
  'locale',
  'channel',
  'touchpoint',
  'anonymous_id',
  'user_id',
  'context',
  'answered_at',
  'received_at',
] as const;

/**
 * One CSV cell. A cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
 * return: OWASP "CSV injection") gets a leading apostrophe; cells with quotes, commas or line breaks are quoted.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // Spreadsheets skip leading spaces and invisible characters, and read full-width signs as formulas too.
  if (typeof value === 'string' && /^[\s\u00a0\u200b\u2060\ufeff]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(text)) text = `'${text}`;
  // `;` too: where it is the list separator (much of Europe), Excel splits an unquoted cell on it.
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One answer as a CSV line; the context map is one JSON cell. */
export function csvRow(response: StoredResponse): string {
  return `${fixedCells(response)}\r\n`;
}

function fixedCells(response: StoredResponse): string {
  const cells = [
    response.id,
    response.site,
    response.survey,
    response.kind,
    response.score,
    response.category,
    response.comment,
    response.locale,
    response.channel,
    response.touchpoint,
    response.respondent?.anonymousId,
    response.respondent?.userId,
    response.context && Object.keys(response.context).length > 0 ? JSON.stringify(response.context) : undefined,
    response.answeredAt,
    response.receivedAt,
  ];
  return cells.map(csvCell).join(',');
}

/** Columns an export may add after CSV_COLUMNS. */
export interface CsvOptions {
  /** An IANA zone: adds `answered_at_local` and `received_at_local`, `YYYY-MM-DD HH:mm:ss` in it. */
  timeZone?: string;
  /** Context keys, each its own `context.<key>` column holding that key's value (empty without one). */
  contextKeys?: readonly string[];
}

/** The header and the line writer of one CSV export. */
export interface CsvWriter {
  /** The header line, CRLF-terminated as RFC 4180 asks. */
  header: string;
  /** One answer as a CRLF-terminated line. */
  row(response: StoredResponse): string;
}

/**
 * A CSV export's header and line writer: CSV_COLUMNS, then the options' columns. New columns go after the
 * existing ones, never between them, so a macro or script that reads columns by position keeps working.
 * Make one per export: its local-time formatters remember the last hour and date they saw.
 */
export function csvWriter(options: CsvOptions = {}): CsvWriter {
  const columns: string[] = [...CSV_COLUMNS];
  const extras: ((response: StoredResponse) => string | undefined)[] = [];
  if (options.timeZone !== undefined) {
    // One formatter each: answers and their receipt can be hours apart, and would evict each other's hour.
    const answered = localTimeFormatter(options.timeZone);
    const received = localTimeFormatter(options.timeZone);
    columns.push('answered_at_local', 'received_at_local');
    extras.push((response) => answered(response.answeredAt), (response) => received(response.receivedAt));
  }
  for (const key of options.contextKeys ?? []) {
    columns.push(`context.${key}`);
    extras.push((response) => contextValue(response.context, key));
  }
  const header = `${columns.map(csvCell).join(',')}\r\n`;
  if (extras.length === 0) return { header, row: csvRow };
  return {
    header,
    row(response) {
      let line = fixedCells(response);
      for (const extra of extras) line += `,${csvCell(extra(response))}`;
      return `${line}\r\n`;
    },
  };
}
