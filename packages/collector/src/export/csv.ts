import type { StoredResponse } from '../store/store.js';

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

/** The header line, CRLF-terminated as RFC 4180 asks. */
export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/** One answer as a CSV line; the context map is one JSON cell. */
export function csvRow(response: StoredResponse): string {
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
  return `${cells.map(csvCell).join(',')}\r\n`;
}
