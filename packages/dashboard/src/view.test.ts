import { describe, expect, it } from 'vitest';
import { readView, viewHash } from './view.js';

describe('view', () => {
  it('round-trips through the fragment', () => {
    const view = { site: 'demo', survey: 'website-nps', days: 90 };
    expect(viewHash(view)).toBe('#site=demo&survey=website-nps&days=90');
    expect(readView(viewHash(view))).toEqual(view);
  });

  it('ignores what it does not know', () => {
    expect(readView('')).toEqual({});
    expect(readView('#days=12&site=&x=1')).toEqual({});
    expect(readView('#survey=post-chat-csat')).toEqual({ survey: 'post-chat-csat' });
  });
});
