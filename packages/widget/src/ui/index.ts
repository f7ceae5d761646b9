import { render } from 'preact';
import { drawCard, safely } from './card.js';
import type { RenderOptions, RenderSurvey, UiHandle } from './contract.js';
import { adopt, css } from './styles.js';

export type { RenderOptions, RenderSurvey, ThemeOptions, UiAnswer, UiHandle } from './contract.js';

/**
 * Shows one survey: a floating card appended to `<html>`, or inline inside `options.target`,
 * each in its own open shadow root styled only by a constructable stylesheet. Keyboard: arrows move
 * through the scale, Space/Enter/click pick a score, Enter in the comment makes a new line and
 * Ctrl+Enter (Cmd+Enter) sends, Esc closes.
 */
export const renderSurvey: RenderSurvey = (options: RenderOptions): UiHandle => {
  let current = options;
  let closed = false;
  // A custom element name matches none of the page's type selectors (`div {…}`); `:host` handles `*`.
  const host = document.createElement('koe-survey');
  const root = host.attachShadow({ mode: 'open' });
  adopt(root, css(options.theme));
  // Keys typed into the survey are its own. Leaving the shadow root they look like keys on <koe-survey>, not
  // in a text box, so a page's shortcuts (`/` to search, arrows for a carousel) would take the comment's.
  for (const type of ['keydown', 'keyup', 'keypress']) root.addEventListener(type, (e) => e.stopPropagation());

  // Where focus goes back to on close: what had it when the survey opened, or when focus entered it.
  let back = document.activeElement;
  host.addEventListener('focusin', (e) => {
    // A focus event's relatedTarget is an element or null. Browsers retarget one inside the shadow root to
    // the host; some DOMs do not.
    const from = e.relatedTarget as Element | null;
    if (from && from != host && !root.contains(from)) back = from;
  });

  const close = () => {
    if (closed) return;
    closed = true;
    const inside = !!root.activeElement;
    card.stop();
    render(null, root);
    host.remove();
    // Focusing an element that left the page does nothing, so no isConnected check is needed.
    if (inside) (back as HTMLElement | null)?.focus?.();
    safely(() => current.onClosed?.());
  };
  const props = () => ({ ...current, floating: !current.target, close });

  // Floating, it goes on <html>: under a <body> with a transform or will-change, position: fixed would
  // follow the body, off screen on a long page.
  (options.target ?? document.documentElement).append(host);
  const card = drawCard(root, props());
  return {
    close,
    setLocale(survey, messages) {
      if (closed) return;
      current = { ...current, survey, messages };
      card.update(props());
    },
  };
};
