import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { install, type KoeGlobal } from './install.js';
import { memoryOutboxStore } from './outbox-store.js';
import { memoryStorage } from './storage.js';
import { fakeFetch, loadLocale } from './test-support.js';
import type { KoeOptions } from './options.js';
import type { RenderOptions } from './ui/contract.js';
import { css } from './ui/styles.js';

type Win = Parameters<typeof install>[0];
const win = window as Win;
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

function script(src: string, data: Record<string, string>) {
  const el = document.createElement('script');
  // Not JavaScript, so happy-dom does not try to fetch it: the loader only reads the tag's attributes.
  el.type = 'text/x-koe-test';
  el.setAttribute('src', src);
  for (const [key, value] of Object.entries(data)) el.dataset[key] = value;
  document.head.append(el);
  return el;
}

function overrides(surveys: unknown[] = []) {
  const shown: RenderOptions[] = [];
  const { fetch, calls } = fakeFetch((url) =>
    url.endsWith('/surveys') ? new Response(JSON.stringify({ surveys })) : new Response('{}', { status: 202 }),
  );
  const options: Partial<KoeOptions> = {
    fetch,
    storage: memoryStorage(),
    outboxStore: memoryOutboxStore(),
    loadUi: async () => ({ renderSurvey: (o: RenderOptions) => (shown.push(o), { close() {}, setLocale() {} }) }),
    loadLocale,
    loadAnswer: () => import('./answer-chunk.js'),
  };
  return { options, calls, shown };
}

/** The README's snippet, as the page runs it before koe.js arrives. */
function snippet() {
  const stub = function (...args: unknown[]) {
    ((stub as unknown as { q: unknown[] }).q ||= []).push(args);
  };
  win.koe = stub as never;
  return stub as unknown as (...args: unknown[]) => void;
}

beforeEach(() => {
  document.head.querySelectorAll('script').forEach((s) => s.remove());
  delete win.koe;
});
afterEach(() => {
  (win.koe as KoeGlobal | undefined)?.destroy?.();
  delete win.koe;
});

describe('script-tag loader', () => {
  it('replays the calls queued before it loaded, in order, then answers koe(...) and koe.method(...)', async () => {
    script('https://cdn.example/widget/koe.js', { site: 'shop' });
    const queued = snippet();
    const order: string[] = [];
    queued('on', 'shown', (e: { survey: string }) => order.push(`shown:${e.survey}`));
    queued('identify', 'user-1');
    queued('show', 'nps', { force: true });
    const { options, shown } = overrides([{ id: 'nps', kind: 'nps' }]);
    install(win, options);
    await vi.waitFor(() => expect(order).toEqual(['shown:nps']));
    expect(shown).toHaveLength(1);
    const koe = win.koe as KoeGlobal;
    expect(koe.loaded).toBe(true);
    expect(typeof koe.mount).toBe('function');
    expect(typeof koe.headless).toBe('function');
    const chat = (await koe('headless', 'nps', { context: { conversation: 'c1' } })) as { survey: { id: string } };
    expect(chat.survey.id).toBe('nps');
  });

  it('takes its endpoint from its own origin unless data-endpoint says otherwise', async () => {
    script('https://cdn.example/widget/koe.js', { site: 'shop' });
    const a = overrides();
    install(win, a.options);
    await tick();
    expect(a.calls[0]!.url).toBe('https://cdn.example/v1/sites/shop/surveys');
    (win.koe as KoeGlobal).destroy();
    delete win.koe;

    document.head.querySelectorAll('script').forEach((s) => s.remove());
    script('https://cdn.example/koe.js', { site: 'blog', endpoint: 'https://feedback.example.com' });
    const b = overrides();
    install(win, b.options);
    await tick();
    expect(b.calls[0]!.url).toBe('https://feedback.example.com/v1/sites/blog/surveys');
  });

  it('themes the survey from the tag\'s data attributes', async () => {
    script('https://cdn.example/koe.js', { site: 'shop', accent: '#ffd400', position: 'bottom-left', colorScheme: 'dark', zIndex: '5' });
    const { options, shown } = overrides([{ id: 'nps', kind: 'nps' }]);
    install(win, options);
    (win.koe as KoeGlobal).show('nps', { force: true });
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    const { theme } = shown[0]!;
    expect(theme).toMatchObject({ accent: '#ffd400', position: 'bottom-left', colorScheme: 'dark' });
    expect(css(theme)).toContain('.f{z-index:5}');
  });

  it('does no harm when included twice: the second copy keeps the first instance', async () => {
    script('https://cdn.example/koe.js', { site: 'shop' });
    const first = overrides();
    install(win, first.options);
    const instance = win.koe;
    const second = overrides();
    install(win, second.options);
    await tick();
    expect(win.koe).toBe(instance);
    expect(second.calls).toHaveLength(0);
    expect(first.calls).toHaveLength(1);
  });

  it('does nothing without a data-site, and never throws', () => {
    script('https://cdn.example/koe.js', {});
    snippet();
    expect(() => install(win)).not.toThrow();
    expect((win.koe as { loaded?: boolean }).loaded).toBeUndefined();
  });

  it('reports an unknown method through the error event instead of throwing', async () => {
    script('https://cdn.example/koe.js', { site: 'shop' });
    const { options } = overrides();
    install(win, options);
    const koe = win.koe as KoeGlobal;
    const errors: { code: string; message: string }[] = [];
    koe('on', 'error', (e: { code: string; message: string }) => errors.push(e));
    expect(() => koe('explode')).not.toThrow();
    expect(errors).toEqual([{ code: 'api', message: 'koe: no method "explode"' }]);
    // A bad call to a real method is reported once, by the method itself; a tag that is no string is passed over.
    await expect(koe('mount', 'x', null)).rejects.toThrow(TypeError);
    await koe('locale', 42);
    expect(errors.map((e) => e.message)).toEqual(['koe: no method "explode"', 'koe: mount needs an element']);
    // Reporting is the widget's own business: a page script cannot fake an error event.
    expect('fail' in koe).toBe(false);
    expect(() => koe('fail', 'api', 'fake')).not.toThrow();
    expect(errors.at(-1)!.message).toBe('koe: no method "fail"');
  });

  it('touches no global but window.koe', () => {
    script('https://cdn.example/koe.js', { site: 'shop' });
    const before = new Set(Object.keys(window));
    install(win, overrides().options);
    const added = Object.keys(window).filter((key) => !before.has(key));
    expect(added).toEqual(['koe']);
  });
});
