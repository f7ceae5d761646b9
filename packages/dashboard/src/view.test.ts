import { describe, expect, it } from 'vitest';
import { readView, viewHash } from './view.js';

describe('view', () => {
  it('round-trips through the fragment', () => {
    const view = { site: 'demo', survey: 'website-nps', days: 90 };
    expect(viewHash(view)).toBe('#site=demo&survey=website-nps&days=90');
    expect(readView(viewHash(view))).toEqual(view);
  });

  it('keeps a context filter as the API spells it, and refuses a key the collector would', () => {
    const view = { site: 'demo', survey: 'post-chat-csat', days: 30, filter: { key: 'agentId', value: '田中' } };
    expect(viewHash(view)).toBe('#site=demo&survey=post-chat-csat&days=30&context.agentId=%E7%94%B0%E4%B8%AD');
    expect(readView(viewHash(view))).toEqual(view);
    expect(readView('#context.__proto__=x&context.a%20b=y&context.team=')).toEqual({});
    expect(readView(`#context.agentId=${'x'.repeat(201)}`)).toEqual({});
  });

  it('ignores what it does not know', () => {
    expect(readView('')).toEqual({});
    expect(readView('#days=12&site=&x=1')).toEqual({});
    expect(readView('#survey=post-chat-csat')).toEqual({ survey: 'post-chat-csat' });
  });
});
