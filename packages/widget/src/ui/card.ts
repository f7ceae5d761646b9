import { h, render } from 'preact';
import type { RenderOptions, UiAnswer } from './contract.js';
import { isComposing } from './keys.js';
import { scale } from './scale.js';

/** How long the floating thank-you stays once the answer is delivered, and the longer "saved offline" note. */
export const THANKS_MS = 4000;
export const QUEUED_MS = 7000;
/** The longest a floating thank-you waits for the runtime to say how the answer went. */
export const SETTLE_MS = 15000;

/** The card's props: the runtime's options plus how the host shell removes it. */
export interface CardProps extends RenderOptions {
  floating: boolean;
  close(): void;
}

/** A drawn card: redraw it with new props (another locale), or stop its timer before removal. */
export interface Card {
  update(props: CardProps): void;
  stop(): void;
}

/** Calls back into the runtime; its failure must neither break the visitor's flow nor reach the page. */
export function safely(callback: () => unknown) {
  try {
    callback();
  } catch {
    // Swallowed on purpose: the runtime reports its own errors through koe('on', 'error').
  }
}

/**
 * Draws the survey dialog into `root`: score, follow-up with an optional comment, thank-you.
 *
 * Preact renders; the few bits of state live in this closure and every change redraws synchronously with
 * `render()`. Neither components with setState nor hooks are needed for one dialog, and leaving them out
 * keeps the chunk about 1 KB gzip smaller; a synchronous redraw also lets focus follow each step at once.
 */
export function drawCard(root: ShadowRoot, props: CardProps): Card {
  let p = props;
  /** 0: question and scale, 1: the follow-up below the scale, 2: thank-you. */
  let step = 0;
  let score: number | undefined;
  /** Index of the scale option that takes Tab (roving tabindex). */
  let active = 0;
  let queued = false;
  /** Set while Preact renders: see onFocusOut. */
  let drawing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const $ = (selector: string) => root.querySelector<HTMLElement>(selector);
  const options = () => [...root.querySelectorAll<HTMLElement>('[role=radio]')];
  /** Closes a floating card after `ms` (again from now if already counting); an inline one stays. */
  const later = (ms: number) => {
    if (p.floating) {
      clearTimeout(timer);
      timer = setTimeout(p.close, ms);
    }
  };

  const pick = (value: number) => {
    if (step > 1) return;
    // Focus follows to the comment only from inside the card (keyboard, or a click that focused the
    // option): on phones, where a tap does not focus, it would pop up the keyboard unasked.
    const inside = !!root.activeElement;
    if (value !== score) {
      step = 1;
      score = value;
      active = value - p.survey.scale.min;
      draw();
      safely(() => p.onScore(value));
    }
    if (inside) $('textarea')?.focus();
  };

  const answer = (final: UiAnswer) =>
    Promise.resolve()
      .then(() => p.onAnswer(final))
      .then((how) => {
        queued = how === 'queued';
      }, noop)
      // The thank-you counts down from when the answer's fate is known, so a slow offline attempt still
      // shows its "saved" note. After close() this redraws nothing visible and close() is a no-op.
      .then(() => {
        if (step === 2) {
          draw();
          later(queued ? QUEUED_MS : THANKS_MS);
        }
      });

  const finish = (send?: boolean) => {
    if (step !== 1) return;
    const comment = send ? ($('textarea') as HTMLTextAreaElement).value.trim().slice(0, 2000) : '';
    const inside = !!root.activeElement;
    step = 2;
    draw();
    // The thank-you takes focus from the removed form when the visitor was in it, so focus is not lost.
    if (inside) $('#q')!.focus();
    later(SETTLE_MS);
    void answer(comment ? { score: score!, comment } : { score: score! });
  };

  /** × or Esc: a dismissal before any score; at the follow-up it keeps the score, like Skip. */
  const dismiss = () => {
    if (!step) safely(p.onDismiss);
    else if (step === 1) void answer({ score: score! });
    p.close();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // Nothing happens on a key that belongs to an IME composition: Enter there confirms a conversion,
    // Esc cancels it.
    if (isComposing(e)) return;
    const { key } = e;
    const list = options();
    const n = list.length;
    let i = list.indexOf(e.target as HTMLElement);
    if (key === 'Escape') {
      // Handled here, so a page's own Esc handler (its modal) does not also fire.
      e.stopPropagation();
      dismiss();
    } else if (key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      // Ctrl+Enter (Cmd+Enter on a Mac) sends from anywhere in the card; Enter alone in the comment is a new line.
      e.preventDefault();
      finish(true);
    } else if (i >= 0) {
      if (key === 'Enter' || key === ' ') {
        e.preventDefault();
        return pick(p.survey.scale.min + i);
      }
      // Arrows move focus only: picking moves on to the follow-up, so arrowing must not choose on the way.
      const rtl = p.survey.dir === 'rtl';
      const by = { ArrowDown: 1, ArrowUp: -1, ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[key];
      i = key === 'Home' ? 0 : key === 'End' ? n - 1 : by ? (i + by + n) % n : -1;
      if (i < 0) return;
      e.preventDefault();
      active = i;
      draw();
      list[i]!.focus();
    }
  };

  // Leaving the scale makes the checked option (else the first) its tab stop again, as with native radios;
  // while inside, the focused one is, so Tab leaves from wherever the arrows got to.
  // Chromium fires focusout when a render removes the focused element (Send, on the way to the thank-you).
  // Redrawing from inside that render would leave Preact's tree out of step with the DOM, and later draws
  // (the "saved offline" note) would change nodes no longer on screen; such a focus loss needs no redraw.
  const onFocusOut = (e: FocusEvent) => {
    if (!drawing && (e.relatedTarget as Element | null)?.getAttribute?.('role') !== 'radio') {
      active = score === undefined ? 0 : score - p.survey.scale.min;
      draw();
    }
  };

  const draw = () => {
    const { survey, messages: m, floating, theme = {} } = p;
    const scheme = theme.colorScheme === 'dark' ? ' d' : theme.colorScheme === 'light' ? '' : ' a';
    drawing = true;
    render(
      h(
        'div',
        {
          class: `k${floating ? ' f' : ''}${theme.position === 'bottom-left' ? ' l' : ''}${scheme}`,
          role: 'dialog',
          'aria-labelledby': 'q',
          lang: survey.locale,
          dir: survey.dir,
          onKeyDown,
          onFocusOut,
        },
        step < 2 && [h('p', { id: 'q', class: 'q' }, survey.question), scale(survey, score, active, pick)],
        step === 1 && [
          h('p', { id: 'u', class: 'q u' }, survey.followUp[p.categoryOf(score!)] ?? m.commentLabel),
          h('label', { for: 'c' }, m.commentLabel),
          h('textarea', { id: 'c', maxLength: 2000, placeholder: m.commentPlaceholder, 'aria-describedby': 'u' }),
          h(
            'div',
            { class: 'r' },
            h('button', { onClick: () => finish() }, m.skip),
            h('button', { class: 'p', 'aria-keyshortcuts': 'Control+Enter', onClick: () => finish(true) }, m.send),
          ),
        ],
        // The live region exists from the start, so screen readers announce the thank-you when it appears.
        h('div', { role: 'status' }, step === 2 && h('p', { id: 'q', class: 'q t', tabIndex: -1 }, queued ? m.savedOffline : m.thanks)),
        (floating || step < 2) && h('button', { class: 'x', 'aria-label': m.close, onClick: dismiss }, '×'),
      ),
      root,
    );
    drawing = false;
  };

  draw();
  if (p.focus) options()[0]?.focus();
  return {
    update(next) {
      p = next;
      draw();
    },
    stop: () => clearTimeout(timer),
  };
}

const noop = () => {};
