import { describe, expect, it } from 'vitest';
import { csvCell } from './csv.js';

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
