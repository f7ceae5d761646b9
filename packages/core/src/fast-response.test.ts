import { describe, expect, it } from 'vitest';
import { parseBatchFast, parseResponseFast } from './fast-response.js';
import { ResponseBatch, SurveyResponse } from './response.js';

const valid = {
  id: '0190f3a2-7c1e-4b8a-9d2f-3e4a5b6c7d8e',
  site: 'shop',
  survey: 'nps-web',
  kind: 'nps',
  score: 9,
  comment: 'とても使いやすかった <b>!</b>',
  locale: 'ja-JP',
  channel: 'web',
  touchpoint: 'checkout',
  context: { conversationId: 'c-1', agent: 'aiko' },
  respondent: { anonymousId: 'a-1', userId: 'u-1' },
  answeredAt: '2026-11-23T10:30:00.123+09:00',
};

// Values each field is tried with: valid ones, edge cases and wrong ones, for the differential test below.
const ABSENT = Symbol('absent');
const BANK: Record<string, unknown[]> = {
  id: [valid.id, valid.id.toUpperCase(), '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '0190f3a2-7c1e-9b8a-9d2f-3e4a5b6c7d8e', '0190f3a2-7c1e-4b8a-7d2f-3e4a5b6c7d8e', 'abc', '', ` ${valid.id}`, 5, null, ABSENT],
  site: ['shop', 'a', 'x'.repeat(64), 'x'.repeat(65), 'Shop', '-a', 'a_b-c', '', 'é', 3, ABSENT],
  survey: ['nps-web', '9', 'a b', undefined, ABSENT],
  kind: ['nps', 'csat', 'ces', 'NPS', 'stars', '', null, ABSENT],
  score: [0, 1, 5, 7, 10, 11, -1, -0, 4.5, '9', NaN, Infinity, 2 ** 53, null, ABSENT],
  comment: ['', 'ok', 'あ'.repeat(2000), 'あ'.repeat(2001), '😀'.repeat(1000), '😀'.repeat(1001), 'a\u0000b', 5, null, undefined, ABSENT],
  locale: ['en', 'ja', 'ja-JP', 'zh-Hant-TW', 'EN', `ja${'-abcdefgh'.repeat(3)}`, `ja${'-abcdefgh'.repeat(4)}`, 'j', 'japanese!', 'en_US', '', 4, ABSENT],
  channel: ['web', 'chat', 'email', 'sms', 'app', 'other', 'fax', 'Web', ABSENT],
  touchpoint: ['checkout', 'x', 'x'.repeat(64), 'x'.repeat(65), '😀'.repeat(64), '😀'.repeat(65), '\ud83d', '', 7, null, undefined, ABSENT],
  context: [
    {},
    { a: 'b' },
    { 'k.e:y-1_': 'v'.repeat(200) },
    { a: 'v'.repeat(201) },
    { a: '😀'.repeat(200) },
    { a: '😀'.repeat(201) },
    { ['k'.repeat(40)]: 'v' },
    { ['k'.repeat(41)]: 'v' },
    { 'a b': 'v' },
    { a: 1 },
    { a: null },
    { a: { b: 'c' } },
    { constructor: 'x' },
    JSON.parse('{"__proto__":"x"}'),
    Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 'v'])),
    Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])),
    ['a'],
    'a=b',
    null,
    undefined,
    ABSENT,
  ],
  respondent: [
    {},
    { anonymousId: 'a' },
    { userId: 'u' },
    { userId: 'u', anonymousId: 'a' },
    { anonymousId: '' },
    { anonymousId: 'x'.repeat(100) },
    { anonymousId: 'x'.repeat(101) },
    { anonymousId: '😀'.repeat(100) },
    { anonymousId: '😀' },
    { userId: 'x'.repeat(200) },
    { userId: 'x'.repeat(201) },
    { anonymousId: 5 },
    { anonymousId: undefined },
    { email: 'a@b.c' },
    JSON.parse('{"__proto__":{"x":1}}'),
    [],
    null,
    undefined,
    ABSENT,
  ],
  answeredAt: [
    valid.answeredAt,
    '2026-11-23T10:30:00Z',
    '2026-11-23T10:30:00.123456789Z',
    `2026-11-23T10:30:00.${'1'.repeat(20)}Z`,
    `2026-11-23T10:30:00.${'1'.repeat(21)}Z`,
    '2024-02-29T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-11-23T24:00:00Z',
    '2026-11-23 10:30:00Z',
    '2026-11-23T10:30:00',
    '2026-11-23',
    'yesterday',
    1764000000000,
    ABSENT,
  ],
  extra: [ABSENT, 1, 'x', undefined],
};

/** A seeded generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `valid` with some fields replaced from the bank (ABSENT deletes the field). */
function variant(next: () => number, fields: number): Record<string, unknown> {
  const input: Record<string, unknown> = { ...valid };
  const keys = Object.keys(BANK);
  for (let i = 0; i < fields; i++) {
    const key = keys[Math.floor(next() * keys.length)]!;
    const options = BANK[key]!;
    const value = options[Math.floor(next() * options.length)];
    if (value === ABSENT) delete input[key];
    else input[key] = value;
  }
  return input;
}

/** Both paths on one input: the fast one may pass only what the schema passes, with byte-identical output. */
function agree(input: unknown): 'fast' | 'schema' | 'refused' {
  const fast = parseResponseFast(input);
  const schema = SurveyResponse.safeParse(input);
  if (fast !== undefined) {
    expect(schema.success, JSON.stringify(input)).toBe(true);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(schema.data));
    expect(fast).toEqual(schema.data);
    return 'fast';
  }
  return schema.success ? 'schema' : 'refused';
}

describe('parseResponseFast', () => {
  it('returns what SurveyResponse returns for a full answer, and for a minimal one', () => {
    expect(agree(valid)).toBe('fast');
    const { comment: _c, touchpoint: _t, context: _x, respondent: _r, ...minimal } = valid;
    expect(agree(minimal)).toBe('fast');
    expect(parseResponseFast({ ...valid, id: valid.id.toUpperCase() })!.id).toBe(valid.id);
  });

  it('agrees with the schema on every single-field variant of the bank', () => {
    for (const [key, options] of Object.entries(BANK)) {
      for (const value of options) {
        const input: Record<string, unknown> = { ...valid };
        if (value === ABSENT) delete input[key];
        else input[key] = value;
        agree(input);
      }
    }
  });

  it('agrees with the schema on 30,000 random combinations, and takes every JSON answer the schema takes', () => {
    const next = random(0x6b6f65);
    const verdicts = { fast: 0, schema: 0, refused: 0 };
    for (let i = 0; i < 30_000; i++) {
      const input = variant(next, 1 + Math.floor(next() * 3));
      // Through JSON, as the collector receives answers: undefined values and symbols drop out.
      const verdict = agree(JSON.parse(JSON.stringify(input)));
      verdicts[verdict] += 1;
      expect(verdict, JSON.stringify(input)).not.toBe('schema');
    }
    expect(verdicts.fast).toBeGreaterThan(3000);
    expect(verdicts.refused).toBeGreaterThan(3000);
  });

  it('leaves anything but a plain JSON-like object to the schema', () => {
    for (const input of [null, 'x', 5, [valid], new (class Answer {})(), Object.assign(Object.create(null), valid), { ...valid, comment: undefined }]) {
      expect(parseResponseFast(input)).toBeUndefined();
    }
    expect(parseResponseFast(JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(valid).slice(1)}`))).toBeUndefined();
  });

  it('returns copies of the maps, never the caller\'s objects', () => {
    const input = JSON.parse(JSON.stringify(valid));
    const parsed = parseResponseFast(input)!;
    expect(parsed.context).not.toBe(input.context);
    expect(parsed.respondent).not.toBe(input.respondent);
  });
});

describe('parseBatchFast', () => {
  it('agrees with ResponseBatch', () => {
    const next = random(42);
    const cases: unknown[] = [
      { responses: [valid] },
      { responses: Array(100).fill(valid) },
      { responses: Array(101).fill(valid) },
      { responses: [] },
      { responses: [valid, { ...valid, score: 11 }] },
      { responses: [valid], extra: 1 },
      { responses: valid },
      [valid],
      ...Array.from({ length: 300 }, () => ({ responses: Array.from({ length: 1 + Math.floor(next() * 4) }, () => variant(next, Math.floor(next() * 2))) })),
    ];
    for (const input of cases) {
      const json = JSON.parse(JSON.stringify(input));
      const fast = parseBatchFast(json);
      const schema = ResponseBatch.safeParse(json);
      if (fast) expect(JSON.stringify(fast)).toBe(JSON.stringify(schema.data));
      else expect(schema.success).toBe(false);
    }
  });
});
