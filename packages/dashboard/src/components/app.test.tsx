import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FollowUpCase, Summary } from '@koe/core';
import { ApiFailure, type Api, type SummaryReport } from '../api.js';
import { App } from './app.js';

const summary = (score: number, n = 120): Summary => ({ kind: 'nps', n, score, ci: { low: score - 8, high: score + 8, confidence: 0.95 }, counts: {}, categories: { promoter: 60, passive: 30, detractor: 30 } });
const report = (score: number): SummaryReport => ({
  ...summary(score),
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  previous: { ...summary(20), from: '2026-10-02T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' },
  compare: { difference: score - 20, z: 2.5, p: 0.012, significant: true, confidence: 0.95, method: 'nps-pooled-z' },
});
const openCase: FollowUpCase = {
  id: '0193a0b0-0000-7000-8000-000000000001', site: 'shop', survey: 'nps', kind: 'nps', score: 2, category: 'detractor', comment: '配送が遅すぎます', locale: 'ja',
  context: { agentId: 'aiko' }, answeredAt: '2026-11-30T03:00:00.000Z', status: 'open', assignee: null, note: null,
  openedAt: '2026-11-30T03:00:03.000Z', updatedAt: '2026-11-30T03:00:03.000Z', notification: 'none', notificationError: null,
};

/** An Api over fixed data that records what the page asked for; `token` must be `good-token`. */
function fakeApi(token: string, log: string[]): Api {
  const check = () => {
    if (token !== 'good-token') throw new ApiFailure(401, 'Missing or wrong admin token');
  };
  return {
    sites: async () => (check(), { role: 'admin' as const, sites: [{ key: 'shop', name: 'Shop', origins: [], surveys: [{ id: 'nps', kind: 'nps' as const, channel: 'web' as const, throttle: { recontactDays: 90, sampleRate: 1 }, caseCategories: ['detractor' as const] }] }] }),
    summary: async (q) => (check(), log.push(`summary ${q.survey}`), report(38.4)),
    trend: async () => (check(), [{ period: '2026-11-20', summary: summary(30) }, { period: '2026-11-21', summary: summary(40) }]),
    breakdown: async (q) => (check(), log.push(`breakdown ${q.by}`), { rows: [{ value: 'checkout', summary: summary(31) }], total: 1 }),
    comments: async (q) => (check(), log.push(`comments ${q.category ?? 'all'}`), { comments: [{ ...openCase, locale: 'ja', channel: 'web' as const, receivedAt: openCase.openedAt }], next: null }),
    exportCsv: async () => (check(), new Blob(['\ufeffid\r\n'], { type: 'text/csv' })),
    cases: async () => (check(), { cases: [openCase], next: null, total: 1 }),
    updateCase: async (id, update) => (check(), log.push(`update ${id} ${JSON.stringify(update)}`), { ...openCase, ...update, status: update.status ?? 'open' } as FollowUpCase),
  };
}

const settle = () => act(async () => { for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0)); });
/** Lets the fake API's promises and Preact's effects run until `ready` holds (or fails after 100 turns). */
async function until(ready: () => unknown): Promise<void> {
  for (let i = 0; i < 100 && !ready(); i++) await settle();
  if (!ready()) throw new Error('the page never got there');
}

describe('App', () => {
  let root: HTMLElement;
  let log: string[];
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    localStorage.setItem('koe-dashboard-lang', 'en');
    root = document.createElement('div');
    document.body.append(root);
    log = [];
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const mount = async () => {
    await act(() => render(<App makeApi={(token) => fakeApi(token, log)} now={() => new Date('2026-12-01T00:00:00Z')} />, root));
    await settle();
  };
  const signIn = async (token: string) => {
    const input = root.querySelector<HTMLInputElement>('#koe-token')!;
    input.value = token;
    await act(() => {
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await settle();
  };

  it('refuses a wrong token with a message, keeping nothing', async () => {
    await mount();
    await signIn('bad-token');
    expect(root.querySelector('[role=alert]')!.textContent).toBe('The collector refused this token.');
    expect(sessionStorage.getItem('koe-dashboard-token')).toBeNull();
  });

  it('signs in, then shows the score, interval, comparison, trend, breakdown and cases', async () => {
    await mount();
    await signIn('good-token');
    await until(() => root.querySelector('[data-score]') && root.querySelector('[data-case]') && root.querySelector('[aria-labelledby=koe-breakdown] table'));
    expect(sessionStorage.getItem('koe-dashboard-token')).toBe('good-token');
    const card = root.querySelector('[data-survey=nps]')!;
    expect(card.querySelector('[data-score]')!.textContent).toBe('+38');
    expect(card.textContent).toContain('95% interval 30.4 to 46.4');
    expect(card.textContent).toContain('+18.4 pts vs. the previous 30 days: significant (p\u00a0=\u00a00.012)');
    expect(card.textContent).toContain('Promoter 50.0%');
    await until(() => card.textContent!.includes('1 open follow-up case'));
    expect(root.querySelectorAll('svg.chart circle')).toHaveLength(2);
    expect(root.querySelector('[aria-labelledby=koe-breakdown] table tbody')!.textContent).toContain('checkout');
    expect(root.querySelector('[data-case] blockquote')!.textContent).toBe('配送が遅すぎます');
    expect(root.querySelector('#koe-cases')!.textContent).toBe('Follow-up cases · 1 open');
    expect(log).toContain('breakdown touchpoint');
    expect(root.querySelector('[data-comment] blockquote')!.textContent).toBe('配送が遅すぎます');
    // Which agent the comment is about.
    expect(root.querySelector('[data-comment] dl.context')!.textContent).toBe('agentIdaiko');
    expect(root.querySelector('[data-comment] .badge')!.className).toBe('badge tone-2');
    const detractors = [...root.querySelectorAll<HTMLButtonElement>('[aria-labelledby=koe-comments] button')].find((b) => b.textContent === 'Detractor')!;
    await act(() => detractors.click());
    await until(() => log.includes('comments detractor'));
    expect(log.filter((l) => l.startsWith('comments'))).toEqual(['comments all', 'comments detractor']);
  });

  it('closes a case in place', async () => {
    await mount();
    await signIn('good-token');
    await until(() => root.querySelector('[data-case]'));
    const item = root.querySelector('[data-case]')!;
    const close = [...item.querySelectorAll('button')].find((b) => b.textContent === 'Close case')!;
    await act(() => close.click());
    await until(() => root.querySelector('[data-case] .status')!.textContent === 'Closed');
    // The status alone: an assignee or note a teammate set meanwhile is never overwritten.
    expect(log.find((l) => l.startsWith('update'))).toBe(`update ${openCase.id} {"status":"closed"}`);
    expect(root.querySelector('[data-case] .status')!.textContent).toBe('Closed');
    expect(root.querySelector('#koe-cases')!.textContent).toBe('Follow-up cases · 0 open');
  });

  it("offers a survey without a rule its Open/Closed filter only while cases a former rule opened remain", async () => {
    const withoutRule = (closed: number) => (token: string): Api => {
      const api = fakeApi(token, log);
      return {
        ...api,
        sites: async () => {
          const list = await api.sites();
          return { ...list, sites: list.sites.map((site) => ({ ...site, surveys: site.surveys.map((survey) => ({ ...survey, caseCategories: [] })) })) };
        },
        cases: async (q) => (log.push(`cases ${q.status}`), q.status === 'closed' ? { cases: closed > 0 ? [{ ...openCase, status: 'closed' as const }] : [], next: null, total: closed } : { cases: [], next: null, total: 0 }),
      };
    };
    sessionStorage.setItem('koe-dashboard-token', 'good-token');
    await act(() => render(<App makeApi={withoutRule(2)} now={() => new Date('2026-12-01T00:00:00Z')} />, root));
    await until(() => root.querySelector('[aria-labelledby=koe-cases] [role=group]'));
    expect(root.querySelector('[aria-labelledby=koe-cases] p')!.textContent).toContain('opens no follow-up cases');
    const closedButton = [...root.querySelectorAll<HTMLButtonElement>('[aria-labelledby=koe-cases] button')].find((b) => b.textContent === 'Closed')!;
    await act(() => closedButton.click());
    await until(() => root.querySelector('[data-case]'));
    expect(root.querySelector('#koe-cases')!.textContent).toBe('Follow-up cases · 2 closed');

    render(null, root);
    log.length = 0;
    await act(() => render(<App makeApi={withoutRule(0)} now={() => new Date('2026-12-01T00:00:00Z')} />, root));
    await until(() => log.includes('cases closed') && root.querySelector('[data-score]'));
    await settle();
    expect(root.querySelector('[aria-labelledby=koe-cases] [role=group]')).toBeNull();
    expect(root.querySelector('#koe-cases')!.textContent).toBe('Follow-up cases');
  });

  it("narrows every report to one agent, from a breakdown row or a link, and back to all answers", async () => {
    const queries: unknown[] = [];
    const recording = (token: string): Api => {
      const api = fakeApi(token, log);
      return {
        ...api,
        summary: (q) => (queries.push(['summary', q.context]), api.summary(q)),
        trend: (q) => (queries.push(['trend', q.context]), api.trend(q)),
        comments: (q) => (queries.push(['comments', q.context]), api.comments(q)),
        breakdown: async (q) => (queries.push(['breakdown', q.by, q.context]), q.by === 'context.agentId' ? { rows: [{ value: 'aiko', summary: summary(12) }], total: 1 } : api.breakdown(q)),
      };
    };
    sessionStorage.setItem('koe-dashboard-token', 'good-token');
    history.replaceState(null, '', '/dashboard/#site=shop&survey=nps&days=30&context.agentId=aiko');
    try {
      await act(() => render(<App makeApi={recording} now={() => new Date('2026-12-01T00:00:00Z')} />, root));
      await until(() => root.querySelector('.filter-bar') && queries.some((q) => (q as unknown[])[0] === 'comments'));
      expect(root.querySelector('.filter-bar')!.textContent).toContain('agentId = aiko');
      expect(queries).toContainEqual(['summary', { agentId: 'aiko' }]);
      expect(queries).toContainEqual(['trend', { agentId: 'aiko' }]);
      expect(queries).toContainEqual(['comments', { agentId: 'aiko' }]);
      expect(root.querySelector('[aria-labelledby=koe-cases] p.muted')!.textContent).toContain('not only those above');

      await act(() => [...root.querySelectorAll<HTMLButtonElement>('.filter-bar button')][0]!.click());
      await settle();
      expect(root.querySelector('.filter-bar')).toBeNull();
      expect(location.hash).toBe('#site=shop&survey=nps&days=30');

      // A row of a breakdown by agentId narrows the page to that agent.
      queries.length = 0;
      await act(() => [...root.querySelectorAll<HTMLButtonElement>('[aria-labelledby=koe-breakdown] button')].find((b) => b.textContent === 'Context key')!.click());
      const input = root.querySelector<HTMLInputElement>('[aria-labelledby=koe-breakdown] input')!;
      input.value = 'agentId';
      await act(() => {
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await act(() => {
        root.querySelector('[aria-labelledby=koe-breakdown] form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      });
      await until(() => root.querySelector('[aria-labelledby=koe-breakdown] tbody button'));
      await act(() => root.querySelector<HTMLButtonElement>('[aria-labelledby=koe-breakdown] tbody button')!.click());
      await until(() => root.querySelector('.filter-bar'));
      expect(location.hash).toBe('#site=shop&survey=nps&days=30&context.agentId=aiko');
      await until(() => queries.some((q) => JSON.stringify(q) === JSON.stringify(['summary', { agentId: 'aiko' }])));
    } finally {
      history.replaceState(null, '', '/');
    }
  });

  it('offers no case edits to a read-only viewer token, and says why', async () => {
    const viewer = (token: string): Api => {
      const api = fakeApi(token, log);
      return { ...api, sites: async () => ({ ...(await api.sites()), role: 'viewer' as const }) };
    };
    sessionStorage.setItem('koe-dashboard-token', 'good-token');
    await act(() => render(<App makeApi={viewer} now={() => new Date('2026-12-01T00:00:00Z')} />, root));
    await until(() => root.querySelector('[data-case]'));
    const item = root.querySelector('[data-case]')!;
    expect(item.querySelector('button')).toBeNull();
    expect(item.querySelector('form')).toBeNull();
    expect(root.querySelector('[aria-labelledby=koe-cases] p.muted')!.textContent).toContain('This token may only read');
  });

  it('saves only the fields edited', async () => {
    await mount();
    await signIn('good-token');
    await until(() => root.querySelector('[data-case]'));
    const item = root.querySelector('[data-case]')!;
    const input = item.querySelector<HTMLInputElement>('.case-form input')!;
    input.value = '  佐藤 ';
    await act(() => {
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      item.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await until(() => log.some((l) => l.startsWith('update')));
    expect(log.filter((l) => l.startsWith('update'))).toEqual([`update ${openCase.id} {"assignee":"佐藤"}`]);
  });

  it('keeps the token through a failure other than a refusal, and tries again', async () => {
    sessionStorage.setItem('koe-dashboard-token', 'good-token');
    let down = true;
    await act(() =>
      render(<App makeApi={(token) => ({ ...fakeApi(token, log), sites: async () => { if (down) throw new ApiFailure(503, 'restarting', 5); return fakeApi(token, log).sites(); } })} />, root),
    );
    await until(() => root.querySelector('[role=alert]'));
    expect(root.querySelector('[role=alert]')!.textContent).toContain('The collector had a problem (HTTP 503)');
    expect(sessionStorage.getItem('koe-dashboard-token')).toBe('good-token');
    down = false;
    await act(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!.click());
    await until(() => root.querySelector('[data-score]'));
    expect(document.activeElement?.id).toBe('koe-title');
  });

  it('switches to Japanese and remembers it', async () => {
    await mount();
    await signIn('good-token');
    await until(() => root.querySelector('[data-score]'));
    const select = [...root.querySelectorAll('select')].find((s) => s.querySelector('option[value=ja]'))!;
    select.value = 'ja';
    await act(() => {
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => root.querySelector('[data-survey=nps]')!.textContent!.includes('回答'));
    expect(root.querySelector('h1')!.textContent).toBe('koe ダッシュボード');
    expect(document.documentElement.lang).toBe('ja');
    expect(localStorage.getItem('koe-dashboard-lang')).toBe('ja');
    expect(root.querySelector('[data-survey=nps]')!.textContent).toContain('回答 120 件');
  });

  it('reports up to a new now after Refresh', async () => {
    let clock = new Date('2026-12-01T00:00:00Z');
    const asked: string[] = [];
    await act(() =>
      render(
        <App
          makeApi={(token) => {
            const api = fakeApi(token, log);
            return { ...api, summary: (q) => (asked.push(q.to), api.summary(q)) };
          }}
          now={() => clock}
        />,
        root,
      ),
    );
    await settle();
    await signIn('good-token');
    clock = new Date('2026-12-01T06:00:00Z');
    await until(() => asked.length === 1);
    await act(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Refresh')!.click());
    await until(() => asked.length === 2);
    expect(asked).toEqual(['2026-12-01T00:00:00.000Z', '2026-12-01T06:00:00.000Z']);
  });

  it('signs out when the collector stops accepting the token', async () => {
    sessionStorage.setItem('koe-dashboard-token', 'revoked-token');
    await mount();
    expect(root.querySelector('#koe-token')).not.toBeNull();
    expect(root.querySelector('[role=alert]')!.textContent).toBe('The collector refused this token.');
    expect(sessionStorage.getItem('koe-dashboard-token')).toBeNull();
  });
});
