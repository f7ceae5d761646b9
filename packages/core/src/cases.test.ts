import { describe, expect, it } from 'vitest';
import { CaseUpdate, FollowUpCase } from './cases.js';
import { Survey, caseCategories } from './survey.js';

describe('a survey case rule', () => {
  it.each([
    ['nps', undefined, ['detractor']],
    ['csat', undefined, ['dissatisfied']],
    ['ces', undefined, ['difficult']],
    ['nps', ['detractor', 'passive'], ['detractor', 'passive']],
  ] as const)('%s with categories %j opens cases for %j', (kind, categories, expected) => {
    const survey = Survey.parse({ id: 's', kind, cases: categories ? { categories } : {} });
    expect(caseCategories(survey)).toEqual(expected);
  });

  it('refuses a category of another kind, naming its path', () => {
    const result = Survey.safeParse({ id: 's', kind: 'csat', cases: { categories: ['detractor'] } });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['cases.categories.0', 'csat has no category "detractor": expected satisfied, neutral, dissatisfied'],
    ]);
  });

  it.each([
    [{ url: 'ftp://hooks.example.com/x' }, 'cases.webhook.url'],
    [{ url: 'not a url' }, 'cases.webhook.url'],
    [{ url: 'https://hooks.example.com/x', secret: 'short' }, 'cases.webhook.secret'],
    [{ url: 'https://hooks.example.com/x', extra: 1 }, 'cases.webhook'],
    [{ url: 'https://koe:hunter2@hooks.example.com/x' }, 'cases.webhook.url'],
  ])('refuses the webhook %j at %s', (webhook, path) => {
    const result = Survey.safeParse({ id: 's', kind: 'nps', cases: { webhook } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join('.')).toBe(path);
  });

  it('accepts an https webhook with a secret', () => {
    const webhook = { url: 'https://hooks.example.com/koe', secret: 'a-long-enough-secret' };
    expect(Survey.parse({ id: 's', kind: 'nps', cases: { webhook } }).cases).toEqual({ webhook });
  });
});

describe('CaseUpdate', () => {
  it.each([
    [{ status: 'closed' }, true],
    [{ assignee: null }, true],
    [{ note: '折り返し電話済み' }, true],
    [{}, false],
    [{ status: 'done' }, false],
    [{ assignee: '' }, false],
    [{ owner: 'x' }, false],
    [{ note: 'a\u0000b' }, false],
    [{ assignee: 'x\ud83d' }, false],
    [{ note: '👍 done' }, true],
  ])('%j valid: %s', (body, valid) => {
    expect(CaseUpdate.safeParse(body).success).toBe(valid);
  });
});

describe('FollowUpCase', () => {
  it('describes a case with its answer', () => {
    const parsed = FollowUpCase.safeParse({
      id: '0190a6b2-0000-7000-8000-000000000001', site: 'acme', survey: 'post-chat', kind: 'nps', score: 3, category: 'detractor',
      comment: '待ち時間が長かった', answeredAt: '2026-12-06T01:00:00.000Z', status: 'open', assignee: null, note: null,
      openedAt: '2026-12-06T01:00:01.000Z', updatedAt: '2026-12-06T01:00:01.000Z', notification: 'pending', notificationError: null,
    });
    expect(parsed.success).toBe(true);
  });
});
