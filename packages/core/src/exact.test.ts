import { describe, expect, it } from 'vitest';
import { exactConditionalP } from './exact.js';

// Reference values: the same enumeration in Python over exact fractions (math.comb, fractions.Fraction).
describe('exactConditionalP', () => {
  it.each([
    [[1, 0, 1], [0, 1, 1], 1],
    [[0, 1, 1], [100, 60, 200], 0.3034825870646766],
    [[1, 0, 1], [190, 0, 200], 1],
    [[50, 20, 100], [30, 40, 100], 0.000861078378632277],
    [[12, 8, 25], [10, 9, 25], 0.7501915307340126],
    [[0, 0, 1], [850, 0, 1000], 0.15084915084915085],
    [[80, 0, 100], [60, 0, 100], 0.003191816825928764],
    [[3, 0, 3], [0, 3, 3], 0.1],
  ] as const)('%j against %j → %d', (a, b, p) => {
    expect(exactConditionalP(a, b)).toBeCloseTo(p, 11);
    // Two-sided and symmetric: the order of the sides does not matter.
    expect(exactConditionalP(b, a)).toBeCloseTo(p, 11);
  });

  it('counts the observed table itself, so p is never 0', () => {
    expect(exactConditionalP([40, 0, 40], [0, 40, 40])).toBeGreaterThan(0);
  });
});
