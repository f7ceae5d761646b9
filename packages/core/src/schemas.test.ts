import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toIssues } from './issues.js';
import { Context, ResponseBatch, SurveyResponse } from './response.js';
import { KoeConfig, Site } from './site.js';
import { Survey } from './survey.js';

const valid = {
  id: '0b7c3f0e-8d1e-4f55-9a51-2f7e1c3a9d10',
  site: 'demo',
  survey: 'post-chat',
  kind: 'csat',
  score: 4,
  comment: 'とても丁寧な対応でした',
  locale: 'ja-JP',
  channel: 'chat',
  touchpoint: 'support',
  context: { conversationId: 'c-123', agentId: 'a-9' },
  respondent: { anonymousId: 'anon-1', userId: 'u-42' },
  answeredAt: '2026-11-23T10:30:00.000Z',
};

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : toIssues(result.error);
}

describe('SurveyResponse', () => {
  it('accepts a complete answer and a minimal one', () => {
    expect(SurveyResponse.parse(valid)).toEqual(valid);
    const { comment, touchpoint, context, respondent, ...minimal } = valid;
    expect(SurveyResponse.safeParse(minimal).success).toBe(true);
  });

  it('lowercases the id, so a retry in capitals is the same idempotency key', () => {
    expect(SurveyResponse.parse({ ...valid, id: valid.id.toUpperCase() }).id).toBe(valid.id);
  });

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ['id that is not a UUID', { id: 'abc' }, 'id', /UUID/],
    ['a 60,000-digit fraction of a second', { answeredAt: `2026-11-23T10:30:00.${'1'.repeat(60_000)}Z` }, 'answeredAt', /ISO 8601/],
    ['a locale tag over 35 characters', { locale: `ja${'-abcdefgh'.repeat(5)}` }, 'locale', /language tag/],
    ['missing site', { site: undefined }, 'site', /./],
    ['site with capitals', { site: 'Demo' }, 'site', /lowercase/],
    ['unknown kind', { kind: 'stars' }, 'kind', /./],
    ['score as a string', { score: '9' }, 'score', /number/],
    ['fractional score', { score: 4.5 }, 'score', /integer/],
    ['CSAT score 6', { score: 6 }, 'score', /csat scores are integers from 1 to 5, got 6/],
    ['NPS score 11', { kind: 'nps', score: 11 }, 'score', /0 to 10/],
    ['CES score 0', { kind: 'ces', score: 0 }, 'score', /1 to 7/],
    ['comment over 2,000 characters', { comment: 'あ'.repeat(2001) }, 'comment', /2,000/],
    ['bad locale', { locale: 'japanese!' }, 'locale', /language tag/],
    ['unknown channel', { channel: 'fax' }, 'channel', /./],
    ['touchpoint too long', { touchpoint: 'x'.repeat(65) }, 'touchpoint', /./],
    ['context value over 200', { context: { note: 'x'.repeat(201) } }, 'context.note', /200/],
    ['context key over 40', { context: { ['k'.repeat(41)]: 'v' } }, `context.${'k'.repeat(41)}`, /1–40/],
    ['context value not a string', { context: { n: 5 } }, 'context.n', /string/],
    ['context with 21 keys', { context: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) }, 'context', /20 keys/],
    ['unknown respondent key', { respondent: { email: 'a@b.c' } }, 'respondent.email', /unknown key/],
    ['answeredAt not ISO', { answeredAt: 'yesterday' }, 'answeredAt', /ISO 8601/],
    ['unknown top-level key', { extra: 1 }, 'extra', /unknown key "extra"/],
  ];
  it.each(bad)('rejects %s with an issue at its path', (_, patch, path, message) => {
    const issues = issuesOf(SurveyResponse, { ...valid, ...patch });
    const issue = issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  it('rejects a __proto__ key from JSON without touching prototypes', () => {
    const body = JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(valid).slice(1)}`);
    expect(issuesOf(SurveyResponse, body)).toContainEqual({ path: '__proto__', message: 'unknown key "__proto__"' });
    const inContext = JSON.parse(JSON.stringify(valid).replace('"conversationId"', '"__proto__"'));
    expect(issuesOf(SurveyResponse, inContext)).toContainEqual({ path: 'context.__proto__', message: 'this key name is reserved' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects something that is not an object at the root', () => {
    expect(issuesOf(SurveyResponse, 'hello')).toEqual([{ path: '', message: expect.stringMatching(/object/) }]);
  });
});

describe('ResponseBatch', () => {
  it('accepts 1 to 100 responses', () => {
    expect(ResponseBatch.safeParse({ responses: [valid] }).success).toBe(true);
    expect(ResponseBatch.safeParse({ responses: Array(100).fill(valid) }).success).toBe(true);
  });
  it.each([
    [0, /at least 1/],
    [101, /at most 100/],
  ])('rejects a batch of %d', (count, message) => {
    const issues = issuesOf(ResponseBatch, { responses: Array(count).fill(valid) });
    expect(issues[0]).toEqual({ path: 'responses', message: expect.stringMatching(message) });
  });
  it('names a bad item by its index', () => {
    const issues = issuesOf(ResponseBatch, { responses: [valid, { ...valid, score: 9 }] });
    expect(issues).toEqual([{ path: 'responses.1.score', message: expect.stringMatching(/1 to 5/) }]);
  });
});

describe('Context', () => {
  it('accepts up to 20 string entries and returns a plain copy, key order kept', () => {
    const map = { conversationId: 'c-1', 'agent.id': 'aiko', 'team:jp': '', z: 'あ'.repeat(200) };
    const parsed = Context.parse(map);
    expect(parsed).toEqual(map);
    expect(parsed).not.toBe(map);
    expect(Object.keys(parsed)).toEqual(Object.keys(map));
    expect(Object.getPrototypeOf(Context.parse(Object.assign(Object.create(null), { a: 'b' })))).toBe(Object.prototype);
    expect(Context.safeParse(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 'v']))).success).toBe(true);
    expect(Context.safeParse(Object.assign(Object.create(null), { a: 'b' })).success).toBe(true);
    expect(Context.safeParse({}).success).toBe(true);
    // 200 characters are 200 code points, as zod counts them: emoji take two UTF-16 units each.
    expect(Context.safeParse({ note: '😀'.repeat(200) }).success).toBe(true);
    expect(Context.safeParse({ note: '😀'.repeat(201) }).success).toBe(false);
  });
  const bad: [string, unknown, { path: string; message: RegExp }[]][] = [
    ['a string', 'x', [{ path: '', message: /expected record, received string/ }]],
    ['an array', ['a'], [{ path: '', message: /received array/ }]],
    ['null', null, [{ path: '', message: /received null/ }]],
    ['a Date', new Date(0), [{ path: '', message: /received object/ }]],
    ['a number value', { n: 5 }, [{ path: 'n', message: /expected string, received number/ }]],
    ['a null value', { n: null }, [{ path: 'n', message: /received null/ }]],
    ['a nested object', { n: { a: 'b' } }, [{ path: 'n', message: /received object/ }]],
    ['an array value', { n: ['a'] }, [{ path: 'n', message: /received array/ }]],
    ['a class instance', new (class Bag { a = 'b'; })(), [{ path: '', message: /expected record/ }]],
    ['a value of 201 characters', { n: 'x'.repeat(201) }, [{ path: 'n', message: /at most 200/ }]],
    ['an empty key', { '': 'v' }, [{ path: '', message: /invalid key: keys must be 1–40/ }]],
    ['a key with a space', { 'a b': 'v' }, [{ path: 'a b', message: /invalid key/ }]],
    ['a constructor key', { constructor: 'v' }, [{ path: 'constructor', message: /reserved/ }]],
    ['a prototype key', { prototype: 'v' }, [{ path: 'prototype', message: /reserved/ }]],
    ['a __proto__ key from JSON', JSON.parse('{"__proto__":"v"}'), [{ path: '__proto__', message: /reserved/ }]],
    ['21 keys', Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])), [{ path: '', message: /at most 20 keys/ }]],
    ['two bad entries', { 'a b': 1 }, [{ path: 'a b', message: /invalid key/ }, { path: 'a b', message: /expected string/ }]],
  ];
  it.each(bad)('refuses %s, naming the entry', (_, input, expected) => {
    const issues = issuesOf(Context, input);
    expect(issues).toHaveLength(expected.length);
    expected.forEach((want, i) => {
      expect(issues[i]!.path).toBe(want.path);
      expect(issues[i]!.message).toMatch(want.message);
    });
  });
  it('returns what it checked: a getter is read once', () => {
    let reads = 0;
    const tricky = {
      get agent() {
        reads += 1;
        return reads === 1 ? 'aiko' : 5;
      },
    };
    expect(Context.parse(tricky)).toEqual({ agent: 'aiko' });
    expect(reads).toBe(1);
  });
  it('keeps a __proto__ key from JSON as a key (refused), never as a prototype', () => {
    const result = Context.safeParse(JSON.parse('{"__proto__":{"polluted":"yes"}}'));
    expect(result.success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('describes itself in JSON Schema as the map it accepts', () => {
    const { $schema: _, ...schema } = z.toJSONSchema(Context, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    expect(schema).toEqual({
      type: 'object',
      maxProperties: 20,
      propertyNames: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,40}$', not: { enum: ['__proto__', 'constructor', 'prototype'] } },
      additionalProperties: { type: 'string', maxLength: 200 },
    });
  });
});

describe('Survey', () => {
  const survey = {
    id: 'nps-web',
    kind: 'nps',
    question: { en: 'Would you recommend us?', ja: 'すすめたいですか？' },
    followUp: { detractor: { en: 'What went wrong?' } },
    trigger: { on: 'pageview', url: '/thanks*', delaySeconds: 5 },
    throttle: { recontactDays: 30, sampleRate: 0.5 },
  };
  it('applies defaults', () => {
    const parsed = Survey.parse({ id: 'x', kind: 'csat' });
    expect(parsed).toEqual({ id: 'x', kind: 'csat', throttle: { recontactDays: 90, sampleRate: 1 }, channel: 'web' });
    expect(Survey.parse(survey).channel).toBe('web');
  });
  const bad: [string, Record<string, unknown>, string][] = [
    ['bad id', { id: 'NPS Web' }, 'id'],
    ['follow-up for another kind', { followUp: { satisfied: { en: 'x' } } }, 'followUp.satisfied'],
    ['unknown trigger', { trigger: { on: 'scroll' } }, 'trigger.on'],
    ['event trigger without event', { trigger: { on: 'event' } }, 'trigger.event'],
    ['negative delay', { trigger: { on: 'event', event: 'x', delaySeconds: -1 } }, 'trigger.delaySeconds'],
    ['sample rate above 1', { throttle: { recontactDays: 1, sampleRate: 2 } }, 'throttle.sampleRate'],
    ['empty question text', { question: { en: '' } }, 'question.en'],
    ['bad locale key', { question: { 'not a tag': 'x' } }, 'question.not a tag'],
    ['unknown key', { color: 'red' }, 'color'],
  ];
  it.each(bad)('rejects %s at its path', (_, patch, path) => {
    expect(issuesOf(Survey, { ...survey, ...patch }).map((i) => i.path)).toContain(path);
  });
});

describe('Site and KoeConfig', () => {
  const site = { key: 'demo', name: 'Demo', origins: ['https://shop.example.com', 'http://localhost:8787'], surveys: [{ id: 'a', kind: 'nps' }] };
  it('accepts a config', () => {
    expect(KoeConfig.parse({ sites: [site] }).sites[0]!.surveys[0]!.throttle.recontactDays).toBe(90);
  });
  it.each([
    ['origin with a path', { origins: ['https://shop.example.com/'] }, 'origins.0'],
    ['origin that is not a URL', { origins: ['shop'] }, 'origins.0'],
    ['short secret', { secret: 'short' }, 'secret'],
    ['negative rate limit', { rateLimit: { perMinute: -1 } }, 'rateLimit.perMinute'],
    ['duplicate survey ids', { surveys: [{ id: 'a', kind: 'nps' }, { id: 'a', kind: 'csat' }] }, 'surveys.1.id'],
  ])('rejects %s', (_, patch, path) => {
    expect(issuesOf(Site, { ...site, ...patch }).map((i) => i.path)).toContain(path);
  });
  it('rejects duplicate site keys and names the nested path of a bad survey', () => {
    expect(issuesOf(KoeConfig, { sites: [site, site] }).map((i) => i.path)).toContain('sites.1.key');
    const nested = { sites: [{ ...site, surveys: [{ id: 'a', kind: 'nps', throttle: { sampleRate: 3 } }] }] };
    expect(issuesOf(KoeConfig, nested).map((i) => i.path)).toContain('sites.0.surveys.0.throttle.sampleRate');
  });
});
