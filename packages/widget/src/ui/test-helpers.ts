import { categorize, en, localizeSurvey, type Kind, type Messages } from '@koe/core';
import { vi } from 'vitest';
import type { RenderOptions } from './contract.js';
import { renderSurvey } from './index.js';

/** Shows a survey of `kind` in English with spy callbacks; returns the handle, the spies and the shadow root. */
export function show(kind: Kind = 'nps', extra: Partial<RenderOptions> = {}, messages: Messages = en, locale = 'en') {
  const calls = {
    onScore: vi.fn<(score: number) => void>(),
    onAnswer: vi.fn<RenderOptions['onAnswer']>(async () => 'sent' as const),
    onDismiss: vi.fn<() => void>(),
    onClosed: vi.fn<() => void>(),
  };
  const categoryOf = (score: number) => categorize(kind, score);
  const handle = renderSurvey({ survey: localizeSurvey({ id: 's', kind }, locale, messages), messages, categoryOf, ...calls, ...extra });
  // The newest host: the last inside the target, or the last floating one on <html>.
  const hosts = extra.target ? extra.target.querySelectorAll('koe-survey') : document.querySelectorAll(':root > koe-survey');
  const root = hosts[hosts.length - 1]!.shadowRoot!;
  const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const radios = () => [...root.querySelectorAll<HTMLButtonElement>('[role=radio]')];
  return { handle, root, $, radios, ...calls };
}

/** Lets Preact's debounced re-render and pending promise callbacks run. */
export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Dispatches a keydown like a browser does, bubbling and crossing the shadow boundary. */
export function key(target: Element, init: KeyboardEventInit & { keyCode?: number }) {
  const event = new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init });
  // happy-dom ignores keyCode in the init dictionary; Safari's IME keydowns carry only keyCode 229.
  if (init.keyCode !== undefined) Object.defineProperty(event, 'keyCode', { value: init.keyCode });
  target.dispatchEvent(event);
  return event;
}
