import { describe, expect, it } from 'vitest';
import { categorize, scaleValues, type Category, type Kind } from './scales.js';

describe('categorize', () => {
  const table: [Kind, number, Category][] = [
    ['nps', 0, 'detractor'],
    ['nps', 6, 'detractor'],
    ['nps', 7, 'passive'],
    ['nps', 8, 'passive'],
    ['nps', 9, 'promoter'],
    ['nps', 10, 'promoter'],
    ['csat', 1, 'dissatisfied'],
    ['csat', 2, 'dissatisfied'],
    ['csat', 3, 'neutral'],
    ['csat', 4, 'satisfied'],
    ['csat', 5, 'satisfied'],
    ['ces', 1, 'difficult'],
    ['ces', 3, 'difficult'],
    ['ces', 4, 'neutral'],
    ['ces', 5, 'easy'],
    ['ces', 7, 'easy'],
  ];
  it.each(table)('%s %d is %s', (kind, score, category) => {
    expect(categorize(kind, score)).toBe(category);
  });

  const off: [Kind, number, RegExp][] = [
    ['nps', 11, /nps score 11 .*0 to 10/],
    ['nps', -1, /nps score -1 .*0 to 10/],
    ['nps', 7.5, /nps score 7.5 .*integer from 0 to 10/],
    ['csat', 0, /csat score 0 .*1 to 5/],
    ['csat', 6, /csat score 6 .*1 to 5/],
    ['ces', 8, /ces score 8 .*1 to 7/],
    ['ces', Number.NaN, /ces score NaN .*1 to 7/],
  ];
  it.each(off)('%s %d throws a RangeError naming kind, value and range', (kind, score, message) => {
    expect(() => categorize(kind, score)).toThrow(RangeError);
    expect(() => categorize(kind, score)).toThrow(message);
  });

  it('rejects an unknown kind', () => {
    expect(() => categorize('star' as Kind, 3)).toThrow(/Unknown survey kind "star"/);
  });

  it('lists every value of each scale', () => {
    expect(scaleValues('nps')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scaleValues('csat')).toEqual([1, 2, 3, 4, 5]);
    expect(scaleValues('ces')).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
