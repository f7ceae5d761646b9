import { en, ja, localizeSurvey } from '@koe/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flush, key, show } from './test-helpers.js';

afterEach(() => {
  document.body.innerHTML = '';
  document.querySelectorAll('koe-survey').forEach((host) => host.remove());
});

describe('rendering', () => {
  it('draws NPS as a labelled, non-modal dialog with an 11-option radiogroup', () => {
    const { $, radios, root } = show('nps');
    const dialog = $('[role=dialog]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('q');
    expect(dialog.hasAttribute('aria-modal')).toBe(false);
    expect(root.getElementById('q')!.textContent).toBe(en.question.nps);
    const group = $('[role=radiogroup]')!;
    expect(group.getAttribute('aria-labelledby')).toBe('q');
    expect(radios().map((r) => r.textContent)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(radios().map((r) => r.getAttribute('aria-label'))).toEqual([
      '0, Not at all likely', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10, Extremely likely',
    ]);
    expect(radios().every((r) => r.getAttribute('aria-checked') === 'false')).toBe(true);
    expect($('.e')!.textContent).toBe('Not at all likelyExtremely likely');
    expect($('.e')!.getAttribute('aria-hidden')).toBe('true');
    expect($('.x')!.getAttribute('aria-label')).toBe('Close');
  });

  it('draws CSAT 1–5 and CES 1–7 with their end labels in the names', () => {
    const csat = show('csat');
    expect(csat.radios().map((r) => r.getAttribute('aria-label'))).toEqual(['1, Very dissatisfied', '2', '3', '4', '5, Very satisfied']);
    expect(csat.$('#q')!.textContent).toBe(en.question.csat);
    const ces = show('ces');
    expect(ces.radios()).toHaveLength(7);
    expect(ces.radios()[0]!.getAttribute('aria-label')).toBe('1, Strongly disagree');
    expect(ces.radios()[6]!.getAttribute('aria-label')).toBe('7, Strongly agree');
  });

  it('floats on <html> (a transformed body would carry it off screen), or renders inline inside the target', () => {
    show('nps');
    expect(document.documentElement.lastElementChild!.tagName).toBe('KOE-SURVEY');
    const bubble = document.createElement('div');
    document.body.append(bubble);
    const { $ } = show('csat', { target: bubble });
    expect(bubble.firstElementChild!.tagName).toBe('KOE-SURVEY');
    expect($('.k')!.className).toBe('k a');
  });

  it("keeps keys typed into the survey from the page's own shortcuts", () => {
    const seen: string[] = [];
    for (const type of ['keydown', 'keyup', 'keypress']) document.addEventListener(type, (e) => seen.push(e.type));
    const { $, radios } = show('nps');
    for (const target of [radios()[3]!, $('.k')!]) {
      for (const type of ['keydown', 'keyup', 'keypress']) target.dispatchEvent(new KeyboardEvent(type, { key: '/', bubbles: true, composed: true }));
    }
    expect(seen).toEqual([]);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true }));
    expect(seen).toEqual(['keydown']);
  });

  it('sets lang and dir from the survey', () => {
    const { $ } = show('nps', {}, ja, 'ja');
    expect($('[role=dialog]')!.getAttribute('lang')).toBe('ja');
    expect($('[role=dialog]')!.getAttribute('dir')).toBe('ltr');
    expect($('#q')!.textContent).toBe(ja.question.nps);
    const rtl = show('nps', { survey: { ...localizeSurvey({ id: 's', kind: 'nps' }, 'ar', en) } });
    expect(rtl.$('[role=dialog]')!.getAttribute('dir')).toBe('rtl');
  });
});

describe('keyboard on the scale', () => {
  it('has one tabbable option, the first, and moves it with the arrows (wrapping), Home and End', async () => {
    const { radios } = show('nps');
    const tabbable = () => radios().filter((r) => r.tabIndex === 0).map((r) => r.textContent);
    expect(tabbable()).toEqual(['0']);
    radios()[0]!.focus();
    key(radios()[0]!, { key: 'ArrowRight' });
    await flush();
    expect(tabbable()).toEqual(['1']);
    expect(document.activeElement).toBe(document.querySelector('koe-survey'));
    expect(radios()[1]!.getRootNode()).toHaveProperty('activeElement', radios()[1]);
    key(radios()[1]!, { key: 'ArrowDown' });
    key(radios()[2]!, { key: 'End' });
    await flush();
    expect(tabbable()).toEqual(['10']);
    key(radios()[10]!, { key: 'ArrowRight' });
    await flush();
    expect(tabbable()).toEqual(['0']);
    key(radios()[0]!, { key: 'ArrowLeft' });
    await flush();
    expect(tabbable()).toEqual(['10']);
    key(radios()[10]!, { key: 'Home' });
    key(radios()[0]!, { key: 'ArrowUp' });
    await flush();
    expect(tabbable()).toEqual(['10']);
  });

  it('makes the checked option (else the first) the tab stop again once focus leaves the scale', async () => {
    const { radios, $ } = show('nps');
    const tabbable = () => radios().filter((r) => r.tabIndex === 0).map((r) => r.textContent);
    const leave = (from: Element, to: Element | null) =>
      from.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget: to }));
    key(radios()[0]!, { key: 'End' });
    await flush();
    expect(tabbable()).toEqual(['10']);
    leave(radios()[10]!, radios()[9]!); // moving within the scale keeps it
    await flush();
    expect(tabbable()).toEqual(['10']);
    leave(radios()[10]!, null);
    await flush();
    expect(tabbable()).toEqual(['0']);
    radios()[9]!.click();
    await flush();
    key(radios()[9]!, { key: 'Home' });
    key(radios()[0]!, { key: 'ArrowRight' });
    await flush();
    expect(tabbable()).toEqual(['1']);
    leave(radios()[1]!, $('textarea'));
    await flush();
    expect(tabbable()).toEqual(['9']);
  });

  it('reverses the horizontal arrows for right-to-left, not the vertical ones', async () => {
    const { radios, root } = show('csat', { survey: localizeSurvey({ id: 's', kind: 'csat' }, 'ar', en) });
    key(radios()[0]!, { key: 'ArrowLeft' });
    expect(root.activeElement).toBe(radios()[1]);
    key(radios()[1]!, { key: 'ArrowRight' });
    expect(root.activeElement).toBe(radios()[0]);
    key(radios()[0]!, { key: 'ArrowDown' });
    expect(root.activeElement).toBe(radios()[1]);
  });

  it('Enter and Space pick the focused option and move on to the follow-up', async () => {
    const { radios, root, $, onScore } = show('nps');
    radios()[0]!.focus();
    key(radios()[0]!, { key: 'End' });
    key(radios()[10]!, { key: 'ArrowLeft' });
    key(radios()[9]!, { key: 'Enter' });
    await flush();
    expect(onScore).toHaveBeenCalledWith(9);
    expect(radios()[9]!.getAttribute('aria-checked')).toBe('true');
    expect(radios().filter((r) => r.tabIndex === 0)).toEqual([radios()[9]]);
    expect($('#u')!.textContent).toBe(en.followUp.nps.promoter);
    expect(root.activeElement).toBe($('textarea'));
    // Changing one's mind: Space on another option re-picks and asks that category's follow-up.
    radios()[3]!.focus();
    key(radios()[3]!, { key: ' ' });
    await flush();
    expect(onScore).toHaveBeenLastCalledWith(3);
    expect($('#u')!.textContent).toBe(en.followUp.nps.detractor);
    expect(root.activeElement).toBe($('textarea'));
  });

  it('never picks on an Enter that confirms an IME composition', async () => {
    const { radios, onScore, $ } = show('nps');
    radios()[0]!.focus();
    key(radios()[0]!, { key: 'Enter', isComposing: true });
    key(radios()[0]!, { key: 'Enter', keyCode: 229 });
    await flush();
    expect(onScore).not.toHaveBeenCalled();
    expect($('textarea')).toBeNull();
  });
});

describe('the follow-up', () => {
  it.each([
    ['nps', 10, en.followUp.nps.promoter],
    ['nps', 7, en.followUp.nps.passive],
    ['nps', 0, en.followUp.nps.detractor],
    ['csat', 4, en.followUp.csat.satisfied],
    ['csat', 3, en.followUp.csat.neutral],
    ['csat', 2, en.followUp.csat.dissatisfied],
    ['ces', 5, en.followUp.ces.easy],
    ['ces', 4, en.followUp.ces.neutral],
    ['ces', 3, en.followUp.ces.difficult],
  ] as const)('%s %i asks "%s"', async (kind, score, text) => {
    const { radios, $, onScore } = show(kind);
    radios().find((r) => r.textContent === String(score))!.click();
    await flush();
    expect(onScore).toHaveBeenCalledWith(score);
    expect($('#u')!.textContent).toBe(text);
    const textarea = $<HTMLTextAreaElement>('textarea')!;
    expect(textarea.maxLength).toBe(2000);
    expect(textarea.getAttribute('placeholder')).toBe(en.commentPlaceholder);
    expect(textarea.getAttribute('aria-describedby')).toBe('u');
    expect($('label')!.textContent).toBe(en.commentLabel);
  });

  it('uses the survey author’s follow-up text', async () => {
    const survey = localizeSurvey({ id: 's', kind: 'nps', followUp: { promoter: { en: 'What do you love?' } } }, 'en', en);
    const { radios, $ } = show('nps', { survey });
    radios()[9]!.click();
    await flush();
    expect($('#u')!.textContent).toBe('What do you love?');
  });

  it('Send gives the score and the trimmed comment, then thanks', async () => {
    const { radios, $, onAnswer, root } = show('nps');
    radios()[8]!.click();
    await flush();
    $<HTMLTextAreaElement>('textarea')!.value = '  Fast support  ';
    $<HTMLButtonElement>('.p')!.click();
    await flush();
    expect(onAnswer).toHaveBeenCalledTimes(1);
    expect(onAnswer).toHaveBeenCalledWith({ score: 8, comment: 'Fast support' });
    expect(root.querySelector('[role=status]')!.textContent).toBe(en.thanks);
    expect(root.querySelector('[role=radiogroup]')).toBeNull();
  });

  it('Skip gives the score alone; a queued answer says it was saved offline', async () => {
    const onAnswer = vi.fn(async () => 'queued' as const);
    const { radios, $, root } = show('csat', { onAnswer });
    radios()[4]!.click();
    await flush();
    $<HTMLTextAreaElement>('textarea')!.value = 'not sent';
    const skip = root.querySelector<HTMLButtonElement>('.r button:not(.p)')!;
    expect(skip.textContent).toBe(en.skip);
    skip.click();
    await flush();
    await flush();
    expect(onAnswer).toHaveBeenCalledWith({ score: 5 });
    expect(root.querySelector('[role=status]')!.textContent).toBe(en.savedOffline);
  });

  it('an empty comment is sent as no comment', async () => {
    const { radios, $, onAnswer } = show('ces');
    radios()[0]!.click();
    await flush();
    $<HTMLTextAreaElement>('textarea')!.value = '   ';
    $<HTMLButtonElement>('.p')!.click();
    await flush();
    expect(onAnswer).toHaveBeenCalledWith({ score: 1 });
  });

  it('Enter makes a new line, Ctrl+Enter and Cmd+Enter send, never while an IME composes', async () => {
    const { radios, $, onAnswer } = show('nps');
    radios()[10]!.click();
    await flush();
    const textarea = $<HTMLTextAreaElement>('textarea')!;
    textarea.value = 'とても良い';
    expect(key(textarea, { key: 'Enter' }).defaultPrevented).toBe(false);
    key(textarea, { key: 'Enter', ctrlKey: true, isComposing: true });
    key(textarea, { key: 'Enter', metaKey: true, keyCode: 229 });
    await flush();
    expect(onAnswer).not.toHaveBeenCalled();
    expect(key(textarea, { key: 'Enter', metaKey: true }).defaultPrevented).toBe(true);
    await flush();
    expect(onAnswer).toHaveBeenCalledWith({ score: 10, comment: 'とても良い' });
  });
});
