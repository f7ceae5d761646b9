import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { categorize, scaleValues, type SurveyInput } from '@koe/core';
import { createRuntime, type Runtime } from './koe.js';
import { memoryOutboxStore, type OutboxStore } from './outbox-store.js';
import type { AnswerModule } from './options.js';
import { memoryStorage, type KeyValueStorage } from './storage.js';
import { fakeFetch, loadLocale } from './test-support.js';
import type { KoeEvents } from './types.js';
import type { RenderOptions, UiHandle } from './ui/contract.js';

const SURVEYS: SurveyInput[] = [
  { id: 'pricing', kind: 'nps', trigger: { on: 'pageview', url: '/pricing*' } },
  { id: 'docs-later', kind: 'ces', trigger: { on: 'pageview', url: '/docs', delaySeconds: 0.2 } },
  { id: 'checkout', kind: 'csat', trigger: { on: 'event', event: 'checkout' }, followUp: { dissatisfied: { en: 'What went wrong at checkout?' } } },
  { id: 'support', kind: 'ces', channel: 'chat' },
];

/** A fake UI chunk recording what the runtime asks it to draw. */
function fakeUi() {
  const shown: (RenderOptions & { handle: UiHandle; locales: string[]; closes?: number })[] = [];
  return {
    shown,
    module: {
      renderSurvey(options: RenderOptions): UiHandle {
        const entry = { ...options, locales: [options.survey.locale] } as (typeof shown)[number];
        entry.handle = {
          // As the real UI's: closing again does nothing.
          close: () => {
            if (entry.closes) return;
            entry.closes = 1;
            options.onClosed?.();
          },
          setLocale: (survey) => void entry.locales.push(survey.locale),
        };
        shown.push(entry);
        return entry.handle;
      },
    },
  };
}

const created: Runtime[] = [];
/** A chat bubble in the transcript: an element in the document, as `mount` needs. */
const bubbleElement = () => document.body.appendChild(document.createElement('div'));
const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

function start(
  options: { surveys?: SurveyInput[]; storage?: KeyValueStorage; locale?: string; surveysStatus?: number | (() => number); outboxStore?: OutboxStore; offline?: () => boolean; loadAnswer?: () => Promise<AnswerModule>; loadUi?: () => Promise<never> } = {},
) {
  const ui = fakeUi();
  const { fetch, calls } = fakeFetch((url, init) => {
    if (url.endsWith('/surveys')) {
      const status = typeof options.surveysStatus == 'function' ? options.surveysStatus() : options.surveysStatus;
      if (status) return new Response('', { status });
      const etag = '"v1"';
      if ((init?.headers as Record<string, string> | undefined)?.['If-None-Match'] === etag) return new Response(null, { status: 304 });
      return new Response(JSON.stringify({ surveys: options.surveys ?? SURVEYS }), { headers: { ETag: etag } });
    }
    if (options.offline?.()) return Promise.reject(new TypeError('Failed to fetch'));
    return new Response('{"accepted":1,"duplicates":0}', { status: 202 });
  });
  const loadAnswer = vi.fn(options.loadAnswer ?? (() => import('./answer-chunk.js')));
  const events: { [K in keyof KoeEvents]?: KoeEvents[K][] } = {};
  const koe = createRuntime({
    site: 'shop',
    endpoint: 'https://collector.example/',
    cooldownDays: 0,
    window,
    fetch,
    storage: options.storage ?? memoryStorage(),
    outboxStore: options.outboxStore ?? memoryOutboxStore(),
    loadUi: options.loadUi ?? (async () => ui.module),
    loadLocale,
    loadAnswer,
    ...(options.locale ? { locale: options.locale } : {}),
  });
  for (const name of ['shown', 'answered', 'dismissed', 'sent', 'error'] as const) koe.on(name, (e) => void (events[name] ??= [] as never[]).push(e as never));
  created.push(koe);
  return { koe, ui, calls, events, loadAnswer, posts: () => calls.filter((c) => c.init?.method === 'POST') };
}

beforeEach(() => {
  history.replaceState(null, '', '/');
  document.documentElement.lang = 'en';
});
afterEach(() => {
  while (created.length) created.pop()!.destroy();
  document.body.replaceChildren();
});

describe('triggers', () => {
  it('shows a page-view survey whose URL pattern matches, and nothing else', async () => {
    history.replaceState(null, '', '/pricing/team');
    const { ui } = start();
    await vi.waitFor(() => expect(ui.shown.map((s) => s.survey.id)).toEqual(['pricing']));
    await tick();
    expect(ui.shown).toHaveLength(1);
  });

  it('follows single-page-app navigations without breaking other history patches', async () => {
    const seen: string[] = [];
    const original = history.pushState;
    history.pushState = function (...args: Parameters<History['pushState']>) {
      seen.push(`before:${String(args[2])}`);
      return original.apply(this, args);
    };
    try {
      const { ui } = start();
      const mine = history.pushState;
      // A router patching after koe keeps working too.
      history.pushState = function (...args: Parameters<History['pushState']>) {
        seen.push(`after:${String(args[2])}`);
        return mine.apply(this, args);
      };
      await tick();
      expect(ui.shown).toHaveLength(0);
      history.pushState({}, '', '/pricing');
      await tick();
      expect(ui.shown.map((s) => s.survey.id)).toEqual(['pricing']);
      expect(seen).toEqual(['after:/pricing', 'before:/pricing']);
      expect(location.pathname).toBe('/pricing');
    } finally {
      history.pushState = original;
    }
  });

  it('re-checks page views on back/forward (popstate)', async () => {
    const { ui } = start();
    await tick();
    history.replaceState(null, '', '/pricing');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await tick();
    expect(ui.shown.map((s) => s.survey.id)).toEqual(['pricing']);
  });

  it('shows a delayed survey after its delay, but never once the visitor navigated away', async () => {
    history.replaceState(null, '', '/docs');
    const stays = start();
    await tick(300);
    expect(stays.ui.shown.map((s) => s.survey.id)).toEqual(['docs-later']);
    stays.koe.destroy();

    history.replaceState(null, '', '/docs');
    const leaves = start();
    await tick(50);
    history.pushState({}, '', '/elsewhere');
    await tick(300);
    expect(leaves.ui.shown).toHaveLength(0);
  });

  it('shows an event survey on track, with the event context sent along with the answer', async () => {
    const { koe, ui, posts, events } = start();
    koe.identify('user-7', { plan: 'pro' });
    koe.track('nothing-matches');
    koe.track('checkout', { order: 'A-1' });
    await tick();
    expect(ui.shown.map((s) => s.survey.id)).toEqual(['checkout']);
    const shown = ui.shown[0]!;
    expect(shown.survey.followUp.dissatisfied).toBe('What went wrong at checkout?');
    expect(shown.categoryOf(2)).toBe('dissatisfied');
    shown.onScore(2);
    expect(await shown.onAnswer({ score: 2, comment: '  slow  ' })).toBe('sent');
    const body = posts()[0]!.body as { responses: Record<string, unknown>[] };
    expect(body.responses).toHaveLength(1);
    expect(body.responses[0]).toMatchObject({
      site: 'shop',
      survey: 'checkout',
      kind: 'csat',
      score: 2,
      comment: 'slow',
      channel: 'web',
      locale: 'en',
      context: { plan: 'pro', order: 'A-1' },
      respondent: { userId: 'user-7' },
    });
    expect(events.answered).toMatchObject([{ survey: 'checkout', score: 2, category: 'dissatisfied', comment: 'slow' }]);
    expect(events.sent).toMatchObject([{ survey: 'checkout' }]);
  });

  it('shows at most one survey at a time', async () => {
    const { koe, ui } = start();
    koe.track('checkout');
    koe.show('support', { force: true });
    await tick();
    expect(ui.shown).toHaveLength(1);
    ui.shown[0]!.handle.close();
    koe.show('pricing', { force: true });
    await tick();
    expect(ui.shown).toHaveLength(2);
    expect(ui.shown[1]!.survey.id).toBe('pricing');
  });

  it('makes no request but the survey config until a survey is eligible', async () => {
    const { calls, loadAnswer } = start();
    await tick();
    expect(calls.map((c) => c.url)).toEqual(['https://collector.example/v1/sites/shop/surveys']);
    expect(loadAnswer).not.toHaveBeenCalled();
  });

  it('loads nothing for a language switch while no survey shows', async () => {
    const { koe, calls, loadAnswer, ui } = start();
    await koe.locale('ja');
    await tick();
    expect(loadAnswer).not.toHaveBeenCalled();
    expect(calls).toHaveLength(1);
    // The next survey comes in the chosen language.
    koe.show('support', { force: true });
    await tick();
    expect(ui.shown[0]!.survey.locale).toBe('ja');
  });
});

describe('throttling across tabs', () => {
  it('a survey seen in one tab is not shown in another sharing the same storage', async () => {
    const storage = memoryStorage();
    const a = start({ storage });
    a.koe.track('checkout');
    await tick();
    expect(a.ui.shown).toHaveLength(1);
    const b = start({ storage });
    b.koe.track('checkout');
    await tick();
    expect(b.ui.shown).toHaveLength(0);
  });

  it('a dismissed survey counts as seen, and dismissal stores nothing', async () => {
    const storage = memoryStorage();
    const a = start({ storage });
    a.koe.track('checkout');
    await tick();
    a.ui.shown[0]!.onDismiss();
    await tick();
    expect(a.events.dismissed).toEqual([{ survey: 'checkout' }]);
    expect(a.posts()).toHaveLength(0);
    a.koe.track('checkout');
    await tick();
    expect(a.ui.shown).toHaveLength(1);
  });

  it('a score picked before closing is sent without a comment', async () => {
    const a = start();
    a.koe.track('checkout');
    await tick();
    a.ui.shown[0]!.onScore(5);
    // onDismiss, then the card goes: the order of the UI's close; its own × at the follow-up step sends
    // the answer itself, which the send dedupes (one id, one answered event).
    a.ui.shown[0]!.onDismiss();
    a.ui.shown[0]!.handle.close();
    await tick();
    const sent = a.posts().map((p) => (p.body as { responses: { score: number; comment?: string }[] }).responses[0]!);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.score).toBe(5);
    expect(sent[0]).not.toHaveProperty('comment');
    expect(a.events.dismissed).toBeUndefined();
  });

  it('a score picked before close(), destroy() or a replacing mount is sent then, not held until the page goes', async () => {
    const a = start();
    const bubble = bubbleElement();
    const closed = await a.koe.mount('support', bubble);
    a.ui.shown[0]!.onScore(3);
    closed.close();
    await a.koe.mount('support', bubble);
    a.ui.shown[1]!.onScore(6);
    await a.koe.mount('support', bubble);
    await tick();
    // The replaced survey's score went when the new mount replaced it, before any destroy().
    expect(a.events.answered?.map((e) => e.score)).toEqual([3, 6]);
    a.ui.shown[2]!.onScore(7);
    a.koe.destroy();
    // Closed before a score: no answer, and no dismissal (the visitor did not close it).
    const unanswered = start();
    (await unanswered.koe.mount('support', bubble)).close();
    await tick();
    const sent = a.posts().flatMap((p) => (p.body as { responses: { score: number }[] }).responses.map((r) => r.score));
    expect(sent.sort()).toEqual([3, 6, 7]);
    expect(a.events.answered?.map((e) => e.score)).toEqual([3, 6, 7]);
    expect(a.events.dismissed).toBeUndefined();
    expect(unanswered.posts()).toEqual([]);
    expect(unanswered.events.answered).toBeUndefined();
  });

  it('force shows despite the recontact period', async () => {
    const storage = memoryStorage();
    const a = start({ storage });
    a.koe.track('checkout');
    await tick();
    a.ui.shown[0]!.handle.close();
    a.koe.show('checkout');
    await tick();
    expect(a.ui.shown).toHaveLength(1);
    a.koe.show('checkout', { force: true });
    await tick();
    expect(a.ui.shown).toHaveLength(2);
  });
});

describe('delivery across pages', () => {
  it('a later page delivers what an earlier one could not, and only then loads the outbox', async () => {
    const storage = memoryStorage();
    const outboxStore = memoryOutboxStore();
    let offline = true;
    const first = start({ storage, outboxStore, offline: () => offline });
    const chat = await first.koe.headless('support');
    expect(await chat.submit(5)).toBe('queued');
    expect(storage.getItem('koe:shop:outbox')).toBe('1');
    first.koe.destroy();

    offline = false;
    const next = start({ storage, outboxStore, offline: () => offline });
    await vi.waitFor(() => expect(next.posts()).toHaveLength(1));
    expect(next.loadAnswer).toHaveBeenCalledTimes(1);
    expect(next.events.sent).toHaveLength(1);
    expect(await outboxStore.all()).toEqual([]);
    expect(storage.getItem('koe:shop:outbox')).toBe('');

    const after = start({ storage, outboxStore });
    await tick();
    expect(after.loadAnswer).not.toHaveBeenCalled();
  });

  it('tells the UI an answer made offline is queued, after saving it', async () => {
    const outboxStore = memoryOutboxStore();
    const page = start({ outboxStore, offline: () => true });
    page.koe.track('checkout');
    await vi.waitFor(() => expect(page.ui.shown).toHaveLength(1));
    const shown = page.ui.shown[0]!;
    shown.onScore(4);
    expect(await shown.onAnswer({ score: 4, comment: 'ok' })).toBe('queued');
    expect((await outboxStore.all()).map((i) => i.r.comment)).toEqual(['ok']);
  });

  it('sends on the online event what waited, even when the outbox code could not load at page load', async () => {
    const storage = memoryStorage();
    const outboxStore = memoryOutboxStore();
    await outboxStore.put([{ r: { id: '9b2f1d1e-8f7e-4a57-9d4f-1d2c3b4a5e6f', site: 'shop', survey: 'support', kind: 'ces', score: 6, locale: 'en', channel: 'chat', answeredAt: '2026-11-23T10:00:00Z' }, t: Date.now() }]);
    storage.setItem('koe:shop:outbox', '1');
    let offline = true;
    const page = start({ storage, outboxStore, loadAnswer: () => (offline ? Promise.reject(new TypeError('offline')) : import('./answer-chunk.js')) });
    await tick();
    expect(page.posts()).toHaveLength(0);
    offline = false;
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(page.posts()).toHaveLength(1));
    expect(await outboxStore.all()).toEqual([]);
  });
});

describe('after destroy', () => {
  const waiting = async (storage: KeyValueStorage, outboxStore: OutboxStore) => {
    await outboxStore.put([{ r: { id: '9b2f1d1e-8f7e-4a57-9d4f-1d2c3b4a5e6f', site: 'shop', survey: 'support', kind: 'ces', score: 6, locale: 'en', channel: 'chat', answeredAt: '2026-11-23T10:00:00Z' }, t: Date.now() }]);
    storage.setItem('koe:shop:outbox', '1');
  };
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => void vi.useRealTimers());

  it('a score that destroy() sends goes once, offline, and is not retried by the destroyed instance', async () => {
    const page = start({ offline: () => true });
    const mounted = page.koe.mount('support', bubbleElement());
    await vi.advanceTimersByTimeAsync(0);
    await mounted;
    page.ui.shown[0]!.onScore(6);
    page.koe.destroy();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(page.posts()).toHaveLength(1);
  });

  it('an outbox whose code loads after destroy() sends what waited once, and is not retried either', async () => {
    const storage = memoryStorage();
    const outboxStore = memoryOutboxStore();
    await waiting(storage, outboxStore);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const chunk = await import('./answer-chunk.js');
    const page = start({ storage, outboxStore, offline: () => true, loadAnswer: () => gate.then(() => chunk) });
    page.koe.destroy();
    release();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(page.posts()).toHaveLength(1);
  });
});

describe('survey config', () => {
  it('revalidates the cached surveys with If-None-Match and uses the cache on 304', async () => {
    const storage = memoryStorage();
    start({ storage }).koe.destroy();
    await tick();
    history.replaceState(null, '', '/pricing');
    const second = start({ storage });
    await tick();
    expect((second.calls[0]!.init!.headers as Record<string, string>)['If-None-Match']).toBe('"v1"');
    expect(second.ui.shown.map((s) => s.survey.id)).toEqual(['pricing']);
  });

  it('falls back to the cached surveys when the collector is down, and reports when there is none', async () => {
    const storage = memoryStorage();
    start({ storage }).koe.destroy();
    await tick();
    history.replaceState(null, '', '/pricing');
    const down = start({ storage, surveysStatus: 503 });
    await tick();
    expect(down.ui.shown).toHaveLength(1);
    const none = start({ surveysStatus: 503 });
    await tick();
    expect(none.events.error).toMatchObject([{ code: 'config' }]);
  });

  it('loads the surveys again once back online after a failed load, and only then', async () => {
    let status = 503;
    const page = start({ surveysStatus: () => status });
    await expect(page.koe.headless('support')).rejects.toThrow('has no survey "support"');
    // Asking again while the collector is unreachable fetches nothing more: no loop of failing requests.
    await expect(page.koe.headless('support')).rejects.toThrow('has no survey "support"');
    expect(page.calls.filter((call) => call.url.endsWith('/surveys'))).toHaveLength(1);
    status = 0;
    window.dispatchEvent(new Event('online'));
    await expect(page.koe.headless('support')).resolves.toMatchObject({ survey: { id: 'support' } });
    expect(page.calls.filter((call) => call.url.endsWith('/surveys'))).toHaveLength(2);
  });
});

describe('chat API', () => {
  it('headless gives the localized survey and a submit that validates the score and carries the context', async () => {
    document.documentElement.lang = 'ja';
    const { koe, posts, events } = start();
    const chat = await koe.headless('support', { context: { conversation: 'c-42', agent: 'sato' } });
    expect(chat.survey).toMatchObject({ id: 'support', kind: 'ces', locale: 'ja', scale: { min: 1, max: 7 } });
    expect(chat.survey.question).toMatch(/[\u3040-\u30ff]/);
    await expect(chat.submit(8)).rejects.toThrow(/ces score 8 is off the scale: expected an integer from 1 to 7/);
    await expect(chat.submit(2.5)).rejects.toThrow(RangeError);
    expect(await chat.submit(6, 'スムーズでした')).toBe('sent');
    // A double click: resolves like the first submit, sends and announces nothing more.
    expect(await chat.submit(5, 'again')).toBe('sent');
    const sent = posts().map((p) => (p.body as { responses: Record<string, unknown>[] }).responses[0]!);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ survey: 'support', score: 6, comment: 'スムーズでした', channel: 'chat', locale: 'ja', context: { conversation: 'c-42', agent: 'sato' } });
    expect(events.answered).toMatchObject([{ score: 6 }]);
    expect(events.sent).toHaveLength(1);
    expect(events.error ?? []).toEqual([]);
  });

  it('a chat may give the answer its own id, so asking one conversation again sends the same id', async () => {
    const { koe, posts } = start();
    const id = '1f0c3b9e-5d2a-5c4e-9a7b-2e6f8d1c4a3b';
    await (await koe.headless('support', { id, context: { conversation: 'c-42' } })).submit(6);
    // The transcript reloaded and asked again: same id, so the collector keeps the first answer only.
    await (await koe.headless('support', { id, context: { conversation: 'c-42' } })).submit(3);
    const mounted = await koe.mount('support', bubbleElement(), { id });
    mounted.close();
    await (await koe.headless('support')).submit(5);
    const ids = posts().map((p) => (p.body as { responses: { id: string }[] }).responses[0]!.id);
    expect(ids.slice(0, 2)).toEqual([id, id]);
    expect(ids[2]).not.toBe(id);
  });

  it('headless takes null options, and identify(null) forgets the user and its traits', async () => {
    const { koe, posts } = start();
    koe.identify('user-7', { plan: 'pro' });
    koe.identify(null);
    const chat = await koe.headless('support', null as never);
    await chat.submit(5);
    const [answer] = posts().map((p) => (p.body as { responses: Record<string, unknown>[] }).responses[0]!);
    expect(answer!.respondent).not.toHaveProperty('userId');
    expect(answer).not.toHaveProperty('context');
  });

  it('headless maps a score to its category, the key of the follow-up question, as core categorizes it', async () => {
    const { koe } = start();
    for (const survey of SURVEYS) {
      const chat = await koe.headless(survey.id);
      for (const score of scaleValues(survey.kind)) expect(chat.categoryOf(score), `${survey.id} ${score}`).toBe(categorize(survey.kind, score));
    }
    const checkout = await koe.headless('checkout');
    expect(checkout.survey.followUp[checkout.categoryOf(2)]).toBe('What went wrong at checkout?');
    expect(checkout.survey.followUp[checkout.categoryOf(5)]).toBeTruthy();
    expect(() => checkout.categoryOf(6)).toThrow(/csat score 6 is off the scale/);
  });

  it('headless rejects an unknown survey with a clear error', async () => {
    const { koe } = start();
    await expect(koe.headless('nope')).rejects.toThrow('koe: site "shop" has no survey "nope"');
  });

  it('mount refuses a missing element rather than floating the survey', async () => {
    const { koe, ui, events } = start();
    await expect(koe.mount('support', null as unknown as Element)).rejects.toThrow('koe: mount needs an element');
    await tick();
    expect(ui.shown).toEqual([]);
    expect(events.error).toMatchObject([{ code: 'api' }]);
  });

  it('mount into an element that already holds a survey replaces it (an effect run twice, as React strict mode does)', async () => {
    const { koe, ui, events } = start();
    const bubble = bubbleElement();
    const other = bubbleElement();
    // Both calls before either resolves: a cleanup could not have closed the first.
    const [first, second] = await Promise.all([koe.mount('support', bubble), koe.mount('checkout', bubble)]);
    expect(ui.shown.map((s) => [s.survey.id, s.closes])).toEqual([
      ['support', 1],
      ['checkout', undefined],
    ]);
    const elsewhere = await koe.mount('support', other);
    expect(ui.shown.map((s) => s.closes)).toEqual([1, undefined, undefined]);
    second.close();
    elsewhere.close();
    // Mounting again after a close replaces nothing that is still shown.
    await koe.mount('support', bubble);
    expect(ui.shown.map((s) => s.closes)).toEqual([1, 1, 1, undefined]);
    first.close();
    expect(events.shown).toHaveLength(4);
    expect(events.error).toBeUndefined();
  });

  it('mount after destroy rejects and draws nothing', async () => {
    const { koe, ui, events } = start();
    koe.destroy();
    await expect(koe.mount('support', bubbleElement())).rejects.toThrow('koe: destroyed');
    expect(ui.shown).toEqual([]);
    expect(events.error).toMatchObject([{ code: 'api', message: 'koe: destroyed' }]);
  });

  it('a mount still loading when destroy() comes rejects and draws nothing', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let module: unknown;
    const { koe, ui } = start({ loadUi: () => gate.then(() => module) as Promise<never> });
    module = ui.module;
    const mounting = koe.mount('support', bubbleElement());
    await tick();
    koe.destroy();
    release();
    await expect(mounting).rejects.toThrow('koe: destroyed');
    expect(ui.shown).toEqual([]);
  });

  it('mount whose UI fails to load rejects and reports one ui error, not a second api one', async () => {
    const { koe, events } = start({ loadUi: () => Promise.reject(new Error('chunk failed')) });
    await expect(koe.mount('support', bubbleElement())).rejects.toThrow('chunk failed');
    await tick();
    expect(events.error).toEqual([{ code: 'ui', message: 'chunk failed' }]);
  });

  it('concurrent mounts whose UI fails to load each report one ui error and no api one', async () => {
    // Each load its own error, or all one (a bundler hands concurrent loads of a chunk the same promise).
    let n = 0;
    const own = start({ loadUi: () => Promise.reject(new Error(`chunk failed ${++n}`)) });
    const shared = new Error('chunk failed');
    const one = start({ loadUi: () => Promise.reject(shared) });
    for (const { koe } of [own, one]) {
      const mounts = [1, 2, 3].map(() => koe.mount('support', bubbleElement()));
      for (const mount of mounts) await expect(mount).rejects.toThrow('chunk failed');
    }
    await tick();
    expect(own.events.error).toEqual([1, 2, 3].map((i) => ({ code: 'ui', message: `chunk failed ${i}` })));
    expect(one.events.error).toEqual([1, 2, 3].map(() => ({ code: 'ui', message: 'chunk failed' })));
  });

  it('mount into an element that is not in the document rejects, draws nothing and counts no showing', async () => {
    const { koe, ui, events } = start();
    await expect(koe.mount('support', document.createElement('div'))).rejects.toThrow('koe: mount needs an element in the document');
    expect(ui.shown).toEqual([]);
    expect(events.shown).toBeUndefined();
    expect(events.error).toMatchObject([{ code: 'api', message: 'koe: mount needs an element in the document' }]);
    // Not counted as seen: the survey may still show by itself.
    koe.show('support');
    await tick();
    expect(ui.shown).toHaveLength(1);
  });

  it('mount into an element the chat appends right after the call (the survey draws once its code has loaded)', async () => {
    const { koe, ui, events } = start();
    const bubble = document.createElement('div');
    const mounting = koe.mount('support', bubble);
    document.body.append(bubble);
    await mounting;
    expect(ui.shown.map((s) => s.target)).toEqual([bubble]);
    expect(events.shown).toHaveLength(1);
  });

  it('mount renders inline into the element, regardless of a floating survey', async () => {
    const { koe, ui } = start();
    koe.track('checkout');
    await tick();
    const bubble = bubbleElement();
    const handle = await koe.mount('support', bubble, { context: { conversation: 'c-1' } });
    expect(ui.shown.map((s) => [s.survey.id, s.target])).toEqual([
      ['checkout', undefined],
      ['support', bubble],
    ]);
    handle.close();
  });
});

describe('locale', () => {
  it('prefers koe.locale, then the option, then <html lang>, then the browser, then English', async () => {
    document.documentElement.lang = 'ja';
    const fromHtml = start();
    fromHtml.koe.show('support', { force: true });
    await tick();
    expect(fromHtml.ui.shown[0]!.survey.locale).toBe('ja');
    const fromOption = start({ locale: 'en' });
    fromOption.koe.show('support', { force: true });
    await tick();
    expect(fromOption.ui.shown[0]!.survey.locale).toBe('en');
    await fromOption.koe.locale('ja-JP');
    expect(fromOption.ui.shown[0]!.locales).toEqual(['en', 'ja']);
  });
});

describe('never breaks the page', () => {
  it('reports bad calls and throwing listeners as error events, never throwing', async () => {
    const { koe, events } = start();
    koe.on('shown', () => {
      throw new Error('listener bug');
    });
    expect(() => koe.show('nope')).not.toThrow();
    expect(() => koe.track(undefined as unknown as string)).not.toThrow();
    koe.show('support', null as never);
    await tick();
    expect(events.shown).toHaveLength(1);
    expect(events.error).toMatchObject([{ code: 'api', message: 'koe: site "shop" has no survey "nope"' }]);
  });

  it('reports a method that rejects with undefined, null or another falsy value', async () => {
    const reasons: unknown[] = [undefined, null, 0, ''];
    const { koe, events } = start({ loadAnswer: () => Promise.reject(reasons.shift()) });
    for (let i = 0; i < 4; i++) await koe.headless('support').catch(() => {});
    await tick();
    expect(events.error).toEqual(['undefined', 'null', '0', ''].map((message) => ({ code: 'api', message })));
  });
});
