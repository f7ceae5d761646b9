import type { Category, LocalizedSurvey, Messages } from '@koe/core';
import type { Delivery } from '../types.js';

// The contract between the script-tag runtime (loaded on every page) and the lazily loaded Preact UI
// chunk (dist/koe-ui.js). The runtime imports only these types, never the UI's code.

/** Look and placement of the floating card. */
export interface ThemeOptions {
  /** Accent colour of selected options and the send button (any CSS colour); default a blue meeting AA contrast. */
  accent?: string;
  /** Corner of the floating card; narrow screens always get a bottom sheet. */
  position?: 'bottom-right' | 'bottom-left';
  /** `auto` follows `prefers-color-scheme`. */
  colorScheme?: 'auto' | 'light' | 'dark';
  /** Stacking level of the floating card. */
  zIndex?: number;
}

/** The visitor's final answer. */
export interface UiAnswer {
  score: number;
  comment?: string;
}

/** What the runtime passes to the UI to show one survey. */
export interface RenderOptions {
  survey: LocalizedSurvey;
  /** The active locale's message pack (only that one is loaded). */
  messages: Messages;
  /** Render inline inside this element (a chat transcript bubble) instead of a floating card. */
  target?: Element;
  theme?: ThemeOptions;
  /**
   * Move focus to the scale on open: for a survey shown by the visitor's own action (a click). Without it
   * the survey never takes focus from the page; keyboard users reach it with Tab.
   */
  focus?: boolean;
  /**
   * The category of an on-scale score, which picks the follow-up question. The runtime supplies core's
   * `categorize`, so the UI chunk carries no copy of the scale table.
   */
  categoryOf(score: number): Category;
  /** The visitor picked a score; the runtime saves it at once so closing the tab loses nothing. */
  onScore(score: number): void;
  /** The visitor sent or skipped the follow-up: the final answer. Resolves to how it was delivered. */
  onAnswer(answer: UiAnswer): Promise<Delivery>;
  /** The visitor closed the survey (×, Esc) before answering. */
  onDismiss(): void;
  /** The UI is gone from the page (after thank-you, dismissal or `close()`). */
  onClosed?(): void;
}

/** Control over a shown survey. */
export interface UiHandle {
  /** Removes the survey, returning focus where it was; once closed, closing again does nothing. */
  close(): void;
  /** Redraws in another locale without losing the visitor's progress. */
  setLocale(survey: LocalizedSurvey, messages: Messages): void;
}

/** The one export of dist/koe-ui.js. */
export type RenderSurvey = (options: RenderOptions) => UiHandle;
