import { describe, expect, it } from 'vitest';
import type { StoredResponse } from '../store/store.js';
import { CSV_COLUMNS, csvCell, csvRow, csvWriter } from './csv.js';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['日本語のコメント', '日本語のコメント'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+81 3 1234', "'+81 3 1234"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    // What spreadsheets skip before a formula, and full-width signs they read as formulas.
    [' =1+1', "' =1+1"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['\u200b=1+1', "'\u200b=1+1"],
    ['\ufeff@SUM(A1)', "'\ufeff@SUM(A1)"],
    ['＝1+1', "'＝1+1"],
    ['a;b', '"a;b"'],
    ['a = b', 'a = b'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('writes numbers as they are and missing values as empty cells', () => {
    expect(csvCell(0)).toBe('0');
    expect(csvCell(10)).toBe('10');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });
});

describe('csvWriter', () => {
  const stored: StoredResponse = {
    id: 'r-1', site: 'shop', survey: 'csat-chat', kind: 'csat', score: 2, category: 'dissatisfied', locale: 'ja', channel: 'chat',
    context: { agentId: '=HYPERLINK("http://evil.example")', team: 'サポート一課, 東京' },
    answeredAt: '2026-12-05T16:17:13.576Z', receivedAt: '2026-12-05T16:17:14.002Z',
  };

  it('writes the fixed columns alone when asked for nothing more, as csvRow does', () => {
    const writer = csvWriter();
    expect(writer.header).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    expect(writer.row(stored)).toBe(csvRow(stored));
  });

  it('appends local times, then one column per context key, after the fixed columns', () => {
    const writer = csvWriter({ timeZone: 'Asia/Tokyo', contextKeys: ['agentId', 'team', 'missing', 'toString'] });
    expect(writer.header).toBe(`${CSV_COLUMNS.join(',')},answered_at_local,received_at_local,context.agentId,context.team,context.missing,context.toString\r\n`);
    const line = writer.row(stored);
    expect(line.startsWith(csvRow(stored).slice(0, -2))).toBe(true);
    // A key the answer lacks, even one every object inherits, is an empty cell.
    expect(line.slice(csvRow(stored).length - 2)).toBe(`,2026-12-06 01:17:13,2026-12-06 01:17:14,"'=HYPERLINK(""http://evil.example"")","サポート一課, 東京",,\r\n`);
  });

  it('leaves the local time of an answer without a receipt time empty', () => {
    const { receivedAt: _, ...unreceived } = stored;
    expect(csvWriter({ timeZone: 'UTC' }).row(unreceived as StoredResponse)).toMatch(/,2026-12-05 16:17:13,\r\n$/);
  });
});
