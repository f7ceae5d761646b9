import { createRuntime } from './koe.js';
import type { AnswerModule, KoeOptions, LocaleModule, UiModule } from './options.js';
import type { Koe, ThemeOptions } from './types.js';

/** `window.koe` once the script has loaded: call it `koe('track', 'x')` or use its methods `koe.mount(…)`. */
export type KoeGlobal = ((method: string, ...args: unknown[]) => unknown) & Koe & { loaded: true };

/** The stub of the README's snippet: a function that queues its calls in `q` until the script loads. */
type Stub = { q?: ArrayLike<unknown>[]; loaded?: boolean };

/**
 * Installs `window.koe` from the `<script data-site>` element that loaded this file: replays the calls
 * queued by the snippet, in order, then answers `koe('method', …args)` and `koe.method(…)` alike. A second
 * copy of the script sees `loaded` and leaves the first one alone. `overrides` are for tests.
 */
export function install(win: Window & { koe?: Stub | KoeGlobal }, overrides?: Partial<KoeOptions>): void {
  try {
    const stub = win.koe as Stub | undefined;
    const doc = win.document;
    // currentScript is null when the loader runs from a module or a callback; then find the tag itself.
    const script = (doc.currentScript ?? doc.querySelector('script[data-site][src*="koe"]')) as HTMLScriptElement | null;
    const d = script?.dataset ?? {};
    const src = new URL(script?.src || doc.baseURI, doc.baseURI);
    const chunk = (name: string) => import(/* @vite-ignore */ new URL(name, src).href);
    if (stub?.loaded || !(d.site || overrides?.site)) return;
    const koe = createRuntime({
      site: d.site!,
      endpoint: d.endpoint ?? src.origin,
      locale: d.locale,
      // The attributes as they are (a copy): the UI reads only the theme's keys, and makes z-index an integer itself.
      theme: { ...d } as ThemeOptions,
      cooldownDays: d.cooldownDays ? +d.cooldownDays : undefined,
      window: win,
      loadUi: () => chunk('koe-ui.js') as Promise<UiModule>,
      loadAnswer: () => chunk('koe-answer.js') as Promise<AnswerModule>,
      loadLocale: (locale) => chunk(`koe-locale-${locale}.js`) as Promise<LocaleModule>,
      ...overrides,
    });
    const { fail, ...api } = koe;
    // The methods report their own errors (guard); only a name that is none of them is reported here.
    const call = (method: string, ...args: unknown[]) => {
      const fn = (api as Record<string, unknown>)[method];
      if (typeof fn == 'function') return fn(...args);
      fail('api', `koe: no method "${method}"`);
    };
    win.koe = Object.assign(call, api, { loaded: true as const });
    for (const args of Array.from(stub?.q ?? [])) call(...(Array.from(args) as [string]));
  } catch {
    // The page must never see the widget fail; without a working instance there is nowhere to report.
  }
}
