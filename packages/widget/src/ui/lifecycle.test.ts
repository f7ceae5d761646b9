import { en, ja, localizeSurvey } from '@koe/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUEUED_MS, SETTLE_MS, THANKS_MS } from './card.js';
import { flush, key, show } from './test-helpers.js';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
  document.querySelectorAll('koe-survey').forEach((host) => host.remove());
});

describe('closing', () => {
  it('Esc before a score dismisses and removes the survey', () => {
    const { radios, onDismiss, onClosed, onAnswer } = show('nps');
    const event = key(radios()[0]!, { key: 'Escape' });
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(onAnswer).not.toHaveBeenCalled();
    expect(document.querySelector('koe-survey')).toBeNull();
    // The page's own Esc handlers (its modal) do not see the survey's Esc.
    expect(event.cancelBubble).toBe(true);
  });

  it('Esc that cancels an IME composition does not close', () => {
    const { radios, onDismiss } = show('nps');
    key(radios()[0]!, { key: 'Escape', isComposing: true });
    key(radios()[0]!, { key: 'Escape', keyCode: 229 });
    expect(onDismiss).not.toHaveBeenCalled();
    expect(document.querySelector('koe-survey')).not.toBeNull();
  });

  it('× at the follow-up keeps the score as the answer, like Skip', async () => {
    const { radios, $, onDismiss, onAnswer, onClosed } = show('csat');
    radios()[1]!.click();
    await flush();
    $<HTMLTextAreaElement>('textarea')!.value = 'typed but not sent';
    $<HTMLButtonElement>('.x')!.click();
    await flush();
    expect(onDismiss).not.toHaveBeenCalled();
    expect(onAnswer).toHaveBeenCalledWith({ score: 2 });
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(document.querySelector('koe-survey')).toBeNull();
  });

  it('close() from the runtime removes it without counting a dismissal, once', () => {
    const { handle, onDismiss, onClosed } = show('nps');
    handle.close();
    handle.close();
    expect(onDismiss).not.toHaveBeenCalled();
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(document.querySelector('koe-survey')).toBeNull();
  });

  it('a floating thank-you closes by itself; a queued one stays longer', async () => {
    vi.useFakeTimers();
    const first = show('nps');
    first.radios()[9]!.click();
    await vi.advanceTimersByTimeAsync(0);
    first.$<HTMLButtonElement>('.p')!.click();
    await vi.advanceTimersByTimeAsync(THANKS_MS - 100);
    expect(first.onClosed).not.toHaveBeenCalled();
    expect(first.$('.x')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    expect(first.onClosed).toHaveBeenCalledTimes(1);
    expect(document.querySelector('koe-survey')).toBeNull();

    const second = show('nps', { onAnswer: async () => 'queued' });
    second.radios()[9]!.click();
    await vi.advanceTimersByTimeAsync(0);
    second.$<HTMLButtonElement>('.p')!.click();
    await vi.advanceTimersByTimeAsync(THANKS_MS + 100);
    expect(second.$('[role=status]')!.textContent).toBe(en.savedOffline);
    expect(second.onClosed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(QUEUED_MS);
    expect(second.onClosed).toHaveBeenCalledTimes(1);
  });

  it('counts the thank-you down from when the runtime settles, and closes anyway if it never does', async () => {
    vi.useFakeTimers();
    let settle!: (how: 'sent' | 'queued') => void;
    const slow = show('nps', { onAnswer: () => new Promise((resolve) => (settle = resolve)) });
    slow.radios()[9]!.click();
    await vi.advanceTimersByTimeAsync(0);
    slow.$<HTMLButtonElement>('.p')!.click();
    await vi.advanceTimersByTimeAsync(THANKS_MS + 1000);
    expect(slow.onClosed).not.toHaveBeenCalled();
    settle('queued');
    await vi.advanceTimersByTimeAsync(0);
    expect(slow.$('[role=status]')!.textContent).toBe(en.savedOffline);
    await vi.advanceTimersByTimeAsync(QUEUED_MS);
    expect(slow.onClosed).toHaveBeenCalledTimes(1);

    const hung = show('nps', { onAnswer: () => new Promise(() => {}) });
    hung.radios()[9]!.click();
    await vi.advanceTimersByTimeAsync(0);
    hung.$<HTMLButtonElement>('.p')!.click();
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(hung.onClosed).toHaveBeenCalledTimes(1);
  });

  it('an inline thank-you stays, without a close button', async () => {
    vi.useFakeTimers();
    const bubble = document.body.appendChild(document.createElement('div'));
    const { radios, $, onClosed } = show('ces', { target: bubble });
    radios()[6]!.click();
    await vi.advanceTimersByTimeAsync(0);
    $<HTMLButtonElement>('.r button')!.click();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onClosed).not.toHaveBeenCalled();
    expect($('[role=status]')!.textContent).toBe(en.thanks);
    expect($('.x')).toBeNull();
    expect(bubble.querySelector('koe-survey')).not.toBeNull();
  });

  it('never throws into the page when the runtime’s callbacks fail', async () => {
    const fail = () => {
      throw new Error('runtime bug');
    };
    const { radios, $, root } = show('nps', { onScore: fail, onAnswer: () => Promise.reject(new Error('x')), onClosed: fail });
    expect(() => radios()[5]!.click()).not.toThrow();
    await flush();
    $<HTMLButtonElement>('.p')!.click();
    await flush();
    expect(root.querySelector('[role=status]')!.textContent).toBe(en.thanks);
    expect(() => key($('.x')!, { key: 'Escape' })).not.toThrow();
  });
});

describe('focus', () => {
  it('does not take focus from the page unless asked', () => {
    const button = document.body.appendChild(document.createElement('button'));
    button.focus();
    show('nps');
    expect(document.activeElement).toBe(button);
  });

  it('with focus: true, focuses the first option, and on close gives focus back', () => {
    const button = document.body.appendChild(document.createElement('button'));
    button.focus();
    const { root, radios } = show('nps', { focus: true });
    expect(root.activeElement).toBe(radios()[0]);
    key(radios()[0]!, { key: 'Escape' });
    expect(document.activeElement).toBe(button);
  });

  it('gives focus back after the thank-you to where it was before entering the survey', async () => {
    vi.useFakeTimers();
    const before = document.body.appendChild(document.createElement('input'));
    const { root, radios, $ } = show('nps');
    before.focus();
    radios()[0]!.focus();
    radios()[0]!.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true, relatedTarget: before }));
    const other = document.body.appendChild(document.createElement('button'));
    key(radios()[0]!, { key: 'ArrowRight' });
    key(radios()[1]!, { key: 'Enter' });
    await vi.advanceTimersByTimeAsync(0);
    expect(root.activeElement).toBe($('textarea'));
    key($('textarea')!, { key: 'Enter', ctrlKey: true });
    await vi.advanceTimersByTimeAsync(0);
    // The thank-you takes focus from the removed form, then hands it back when it closes.
    expect(root.activeElement).toBe($('#q'));
    expect(root.activeElement!.textContent).toBe(en.thanks);
    await vi.advanceTimersByTimeAsync(THANKS_MS);
    expect(document.activeElement).toBe(before);
    expect(other).not.toBe(document.activeElement);
  });

  it('leaves focus alone on close when the visitor is elsewhere on the page', () => {
    const { handle } = show('nps');
    const input = document.body.appendChild(document.createElement('input'));
    input.focus();
    handle.close();
    expect(document.activeElement).toBe(input);
  });
});

describe('setLocale', () => {
  it('redraws in Japanese, keeping the step, the score and the typed comment', async () => {
    const { handle, radios, $ } = show('nps');
    radios()[9]!.click();
    await flush();
    $<HTMLTextAreaElement>('textarea')!.value = 'half-typed';
    handle.setLocale(localizeSurvey({ id: 's', kind: 'nps' }, 'ja', ja), ja);
    await flush();
    expect($('[role=dialog]')!.getAttribute('lang')).toBe('ja');
    expect($('#q')!.textContent).toBe(ja.question.nps);
    expect($('#u')!.textContent).toBe(ja.followUp.nps.promoter);
    expect(radios()[9]!.getAttribute('aria-checked')).toBe('true');
    expect(radios()[0]!.getAttribute('aria-label')).toBe(`0, ${ja.scale.nps.low}`);
    expect($<HTMLTextAreaElement>('textarea')!.value).toBe('half-typed');
    expect($('.p')!.textContent).toBe(ja.send);
    expect($('.x')!.getAttribute('aria-label')).toBe(ja.close);
  });

  it('is harmless after close', () => {
    const { handle } = show('nps');
    handle.close();
    expect(() => handle.setLocale(localizeSurvey({ id: 's', kind: 'nps' }, 'ja', ja), ja)).not.toThrow();
    expect(document.querySelector('koe-survey')).toBeNull();
  });
});
