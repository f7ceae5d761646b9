import { describe, expect, it } from 'vitest';
import { answerOf, contextOf } from './answer.js';

const input = {
  id: '0190f5a2-7b3c-7d4e-8f60-1a2b3c4d5e6f',
  site: 'shop',
  survey: { id: 'nps', kind: 'nps' as const },
  locale: 'ja',
  visitor: { a: 'anon-1', s: {} },
  now: Date.UTC(2026, 11, 4, 10),
};
const emoji = '😀'; // two UTF-16 code units: a surrogate pair

describe('answerOf', () => {
  it.each([
    ['a short comment, trimmed', '  とても良い  ', 'とても良い'],
    ['an empty comment, left out', '   ', undefined],
    ['a comment over 2,000 characters, cut', 'あ'.repeat(2001), 'あ'.repeat(2000)],
    ['a cut that would split an emoji, made before it', 'a'.repeat(1999) + emoji, 'a'.repeat(1999)],
    ['an emoji that fits, kept', 'a'.repeat(1998) + emoji, 'a'.repeat(1998) + emoji],
  ])('%s', (_, comment, expected) => {
    expect(answerOf(input, 9, comment).comment).toBe(expected);
  });

  it('builds the answer core expects', () => {
    expect(answerOf(input, 9)).toEqual({
      id: input.id,
      site: 'shop',
      survey: 'nps',
      kind: 'nps',
      score: 9,
      comment: undefined,
      locale: 'ja',
      channel: 'web',
      touchpoint: undefined,
      context: undefined,
      respondent: { anonymousId: 'anon-1', userId: undefined },
      answeredAt: '2026-12-04T10:00:00.000Z',
    });
  });
});

describe('contextOf', () => {
  it('cuts values at 200 characters, never inside an emoji', () => {
    expect(contextOf({ a: 'x'.repeat(250), b: 'x'.repeat(199) + emoji, c: 'x'.repeat(198) + emoji })).toEqual({
      a: 'x'.repeat(200),
      b: 'x'.repeat(199),
      c: 'x'.repeat(198) + emoji,
    });
  });

  it('drops keys the collector would refuse and keeps at most 20', () => {
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}`, String(i)]));
    const merged = contextOf({ constructor: 'x', 'a b': 'y', ok: 'yes' }, many);
    expect(merged).toMatchObject({ ok: 'yes' });
    expect(Object.keys(merged!)).toHaveLength(20);
    expect(merged).not.toHaveProperty('a b');
    expect(Object.hasOwn(merged!, 'constructor')).toBe(false);
  });
});
