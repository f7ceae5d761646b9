import { describe, expect, it } from 'vitest';
import { eligible, sampled, unitHash } from './throttle.js';
import { matchesPath } from './url-pattern.js';
import type { VisitorState } from './visitor.js';

const DAY = 86_400_000;
const survey = (id: string, recontactDays = 30, sampleRate = 1) => ({ id, throttle: { recontactDays, sampleRate } });

describe('sampling', () => {
  it('is sticky: the same visitor always falls on the same side', () => {
    for (let i = 0; i < 50; i++) {
      const first = sampled(`visitor-${i}`, survey('nps', 30, 0.5));
      for (let j = 0; j < 5; j++) expect(sampled(`visitor-${i}`, survey('nps', 30, 0.5))).toBe(first);
    }
  });

  it('takes about the sample rate of visitors, independently per survey', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `anon-${i}-${(i * 7919) % 1000}`);
    const rate = ids.filter((id) => sampled(id, survey('nps', 30, 0.25))).length / ids.length;
    expect(rate).toBeGreaterThan(0.22);
    expect(rate).toBeLessThan(0.28);
    const both = ids.filter((id) => sampled(id, survey('nps', 30, 0.5)) && sampled(id, survey('csat', 30, 0.5))).length / ids.length;
    expect(both).toBeGreaterThan(0.2);
    expect(both).toBeLessThan(0.3);
  });

  it('samples everyone at rate 1 and no one at rate 0', () => {
    expect(sampled('a', survey('nps', 30, 1))).toBe(true);
    expect(sampled('a', survey('nps', 30, 0))).toBe(false);
    expect(unitHash('x')).toBeGreaterThanOrEqual(0);
    expect(unitHash('x')).toBeLessThan(1);
  });
});

describe('eligible', () => {
  const now = 1_000 * DAY;
  const state = (s: Record<string, number> = {}, l?: number): VisitorState => ({ a: 'anon', s, ...(l === undefined ? {} : { l }) });

  it('waits out the recontact period after a survey was seen, dismissed or answered', () => {
    expect(eligible(survey('nps', 30), state(), now, 0)).toBe(true);
    expect(eligible(survey('nps', 30), state({ nps: now - 29 * DAY }), now, 0)).toBe(false);
    expect(eligible(survey('nps', 30), state({ nps: now - 30 * DAY }), now, 0)).toBe(true);
    expect(eligible(survey('csat', 30), state({ nps: now - DAY }), now, 0)).toBe(true);
  });

  it('applies the global cooldown after any survey', () => {
    expect(eligible(survey('csat'), state({}, now - 2 * DAY), now, 7)).toBe(false);
    expect(eligible(survey('csat'), state({}, now - 8 * DAY), now, 7)).toBe(true);
  });

  it('defaults to 90 days and full sampling for surveys without a throttle', () => {
    expect(eligible({ id: 'x' }, state({ x: now - 89 * DAY }), now, 0)).toBe(false);
    expect(eligible({ id: 'x' }, state({ x: now - 90 * DAY }), now, 0)).toBe(true);
  });
});

describe('matchesPath', () => {
  it.each([
    [undefined, '/anything', true],
    ['/pricing', '/pricing', true],
    ['/pricing', '/pricing/team', false],
    ['/docs/*', '/docs/a/b', true],
    ['/docs/*', '/blog', false],
    ['*/thanks', '/order/42/thanks', true],
    ['/a.b', '/axb', false],
    ['/(x)', '/(x)', true],
  ])('%s ~ %s → %s', (pattern, path, expected) => {
    expect(matchesPath(pattern, path)).toBe(expected);
  });
});
