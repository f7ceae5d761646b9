import type { FollowUpCase } from '@koe/core';
import { describe, expect, it } from 'vitest';
import { caseText } from './case-text.js';

const base: FollowUpCase = {
  id: 'x', site: 'shop', survey: 'post-chat', kind: 'nps', score: 3, category: 'detractor', answeredAt: '2026-12-06T00:00:00Z',
  status: 'open', assignee: null, note: null, openedAt: '2026-12-06T00:00:01Z', updatedAt: '2026-12-06T00:00:01Z', notification: 'pending', notificationError: null,
};

describe('caseText', () => {
  it.each([
    [{}, 'koe · shop/post-chat: NPS 3 (detractor)'],
    [{ kind: 'ces', score: 2, category: 'difficult' }, 'koe · shop/post-chat: CES 2 (difficult)'],
    [{ comment: '待ち時間が長かった' }, 'koe · shop/post-chat: NPS 3 (detractor): "待ち時間が長かった"'],
    [{ context: { agent: '田中', team: 'billing', a: '1', b: '2' } }, 'koe · shop/post-chat: NPS 3 (detractor), agent=田中, team=billing, a=1'],
  ] as const)('%j → %s', (fields, text) => {
    expect(caseText({ ...base, ...fields } as FollowUpCase)).toBe(text);
  });

  it("escapes the answer's text, so a visitor can neither mention a channel nor disguise a link", () => {
    const text = caseText({ ...base, comment: '<!channel> sign in at <https://evil.example|https://shop.example> & retry', context: { agent: '<!here>' } });
    expect(text).toBe('koe · shop/post-chat: NPS 3 (detractor), agent=&lt;!here&gt;: "&lt;!channel&gt; sign in at &lt;https://evil.example|https://shop.example&gt; &amp; retry"');
  });

  it('cuts a long comment at 280 characters, never inside an emoji', () => {
    const text = caseText({ ...base, comment: '😞'.repeat(300) });
    expect(text.endsWith(`${'😞'.repeat(279)}…"`)).toBe(true);
    expect(text.isWellFormed()).toBe(true);
  });
});
