import type { Locale } from '@koe/core';
import { createRuntime } from './koe.js';
import type { KoeOptions, LocaleModule } from './options.js';
import type { Koe } from './types.js';

/** Loads one locale as its own chunk, so an app downloads only the language it shows. */
const loadLocale = (locale: Locale): Promise<LocaleModule> => (locale === 'ja' ? import('./locales/ja.js') : import('./locales/en.js'));

/** Methods that do nothing: the instance on the server, where there is no page to survey. */
function inert(): Koe {
  const none = () => {};
  // Rejected for a caller who awaits it, yet handled: server code that fires `mount()` without awaiting
  // must not take the process down with an unhandled rejection.
  const unavailable = () => {
    const refused = Promise.reject(new Error('koe runs in a browser: there is no window here'));
    refused.catch(none);
    return refused;
  };
  return {
    identify: none,
    track: none,
    show: none,
    locale: () => Promise.resolve(),
    on: none,
    off: none,
    reset: none,
    mount: unavailable,
    headless: unavailable,
    flush: () => Promise.resolve(),
    destroy: none,
  };
}

/**
 * Creates a koe instance for a site. Nothing happens on import; on the server (no `window`) the instance
 * is inert, so it is safe to call during server-side rendering. The Preact UI and each locale's messages
 * are dynamic imports that bundlers split into chunks, fetched only when a survey is about to show.
 */
export function createKoe(options: KoeOptions): Koe {
  if (!options.window && typeof window === 'undefined') return inert();
  return createRuntime({
    loadUi: () => import('./ui/index.js'),
    loadLocale,
    loadAnswer: () => import('./answer-chunk.js'),
    ...options,
  });
}

export type { AnswerModule, KoeOptions, LocaleModule, UiModule } from './options.js';
export type {
  AnsweredEvent,
  ChatOptions,
  Delivery,
  DismissedEvent,
  ErrorEvent,
  HeadlessSurvey,
  Koe,
  KoeContext,
  KoeEventName,
  KoeEvents,
  KoeListener,
  MountHandle,
  SentEvent,
  ShowOptions,
  ShownEvent,
  ThemeOptions,
} from './types.js';
export type { KeyValueStorage } from './storage.js';
export type { OutboxItem, OutboxStore } from './outbox-store.js';
// The IndexedDB store is the default and lives in the lazily loaded answering chunk; exporting it here
// would put idb-keyval into every app's startup bundle.
export { memoryOutboxStore } from './memory-outbox-store.js';
export { memoryStorage } from './storage.js';
