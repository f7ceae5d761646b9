import { describe, expect, it } from 'vitest';
import { formatAnswer, formatBound, formatCount, formatDifference, formatP, formatPercent, formatPeriod, formatScore, toneOf } from './format.js';

describe('formatScore', () => {
  it.each([
    ['nps', 38.106, 'en', '+38'],
    ['nps', -12.5, 'en', '-13'],
    ['nps', 0, 'en', '0'],
    ['nps', 0.4, 'en', '0'],
    ['csat', 79.14, 'en', '79%'],
    ['csat', 100, 'ja', '100%'],
    ['ces', 5.1934, 'en', '5.2'],
    ['ces', 5, 'ja', '5.0'],
    ['nps', null, 'en', '–'],
    ['csat', Number.NaN, 'en', '–'],
  ] as const)('%s %s (%s) → %s', (kind, score, lang, expected) => {
    // Intl's minus sign varies by ICU version (U+2212 or "-"): compare with the ASCII one.
    expect(formatScore(kind, score, lang).replace('\u2212', '-')).toBe(expected);
  });
});

describe('formatBound, formatDifference, formatPercent, formatP, formatCount', () => {
  it.each([
    [() => formatBound('nps', 24.04, 'en'), '24.0'],
    [() => formatBound('csat', 73.12, 'en'), '73.1%'],
    [() => formatBound('ces', 4.9234, 'en'), '4.92'],
    [() => formatDifference('nps', 11.66, 'en'), '+11.7'],
    [() => formatDifference('ces', -0.204, 'en'), '-0.20'],
    [() => formatDifference('csat', 0, 'en'), '+0.0'],
    [() => formatPercent(0.95, 'en'), '95%'],
    [() => formatPercent(0.995, 'ja'), '99.5%'],
    [() => formatP(0.05123), '0.051'],
    [() => formatP(0.62), '0.62'],
    [() => formatP(0.0004), '< 0.001'],
    [() => formatP(0.0496), '0.0496'],
    [() => formatP(0.0504), '0.0504'],
    [() => formatP(0.0449), '0.045'],
    [() => formatP(0.04996), '0.04996'],
    [() => formatP(0.05), '0.0500'],
    [() => formatAnswer('nps', 2), '2/10'],
    [() => formatAnswer('csat', 1), '1/5'],
    [() => formatAnswer('ces', 6), '6/7'],
    [() => toneOf('nps', 'promoter'), 'tone-0'],
    [() => toneOf('csat', 'neutral'), 'tone-1'],
    [() => toneOf('ces', 'difficult'), 'tone-2'],
    [() => formatPercent(0.523, 'en'), '52.3%'],
    [() => formatCount(12345, 'en'), '12,345'],
    [() => formatCount(12345, 'ja'), '12,345'],
  ])('%#', (format, expected) => {
    expect(format().replace('\u2212', '-')).toBe(expected);
  });
});

describe('formatPeriod', () => {
  it('reads a bucket as a calendar date, whatever the offset of the machine', () => {
    expect(formatPeriod('2026-11-23', 'day', 'en')).toBe('Nov 23');
    expect(formatPeriod('2026-11-23', 'day', 'ja')).toBe('11月23日');
    expect(formatPeriod('2026-11-01', 'month', 'en')).toBe('Nov 2026');
    expect(formatPeriod('2026-11-01', 'month', 'ja')).toBe('2026年11月');
  });
});
