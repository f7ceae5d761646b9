import type { Locale, Messages } from '@koe/core';
import type { OutboxStore } from './outbox-store.js';
import type { KeyValueStorage } from './storage.js';
import type { RenderSurvey, ThemeOptions } from './ui/contract.js';

/** The survey UI module: koe-ui.js from the script tag, a code-split chunk from npm. */
export interface UiModule {
  renderSurvey: RenderSurvey;
}

/** A locale chunk: one language's messages (loaded only to show a survey). */
export interface LocaleModule {
  default: Messages;
}

/** The answer chunk (dist/koe-answer.js): the outbox and the glue between UI and outbox. */
export type AnswerModule = typeof import('./answer-chunk.js');

/** Options of `createKoe`. Side effects have browser defaults and can be replaced (tests, WebViews). */
export interface KoeOptions {
  /** The site key configured in the collector. */
  site: string;
  /** The collector's base URL, e.g. `https://feedback.example.com`. */
  endpoint: string;
  /** A locale to prefer over `<html lang>` and the browser's languages. */
  locale?: string;
  /** Look of the floating card. */
  theme?: ThemeOptions;
  /** Days after any survey during which no other survey shows by itself; default 7. */
  cooldownDays?: number;
  /** Show page-view-triggered surveys, following SPA navigations; default true. */
  pageviews?: boolean;
  /** Loads the survey UI; default: the package's own code-split UI chunk. */
  loadUi?: () => Promise<UiModule>;
  /** Loads the answer chunk; default: the package's own code-split chunk. */
  loadAnswer?: () => Promise<AnswerModule>;
  /** Loads one locale's chunk; default: the package's own code-split locale chunks. */
  loadLocale?: (locale: Locale) => Promise<LocaleModule>;
  window?: Window;
  fetch?: typeof fetch;
  /** Where visitor state and the cached surveys live; default localStorage, then memory. */
  storage?: KeyValueStorage;
  /** Where unsent answers live; default IndexedDB, then memory. */
  outboxStore?: OutboxStore;
  now?: () => number;
  random?: () => number;
}
