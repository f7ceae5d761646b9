import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, ja } from '@koe/core';
import { browserAvailable, startHarness, type Harness } from './harness.js';

const survey = (page: Page) => page.locator('koe-survey');

/** Picks 9 on the NPS scale by keyboard and waits for the follow-up's textarea to take focus. */
async function pickNine(page: Page) {
  await survey(page).locator('[role=radio] >> nth=0').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await survey(page).locator('textarea').waitFor();
  await expect.poll(() => page.evaluate(() => document.querySelector('koe-survey').shadowRoot.activeElement?.localName)).toBe('textarea');
}

describe.skipIf(!browserAvailable)('survey UI in Japanese (Chromium)', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ sites: [{ key: 'shop', surveys: [{ id: 'nps', kind: 'nps', trigger: { on: 'pageview' } }] }] });
  });
  afterAll(() => harness?.close());

  it('shows Japanese texts with lang and dir set, and names the options in Japanese', async () => {
    const { page, violations } = await harness.newPage('/ui-ja.html');
    const dialog = survey(page).locator('[role=dialog]');
    await dialog.waitFor();
    expect(await dialog.getAttribute('lang')).toBe('ja');
    expect(await dialog.getAttribute('dir')).toBe('ltr');
    expect(await survey(page).locator('#q').textContent()).toBe(ja.question.nps);
    const names = await survey(page).locator('[role=radio]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(names[0]).toBe(`0, ${ja.scale.nps.low}`);
    expect(names[10]).toBe(`10, ${ja.scale.nps.high}`);
    expect(await survey(page).locator('.x').getAttribute('aria-label')).toBe(ja.close);
    // Chromium's accessibility tree agrees: a dialog named by the question, a radiogroup of radios.
    const tree = await page.locator('koe-survey').ariaSnapshot();
    expect(tree).toContain(`dialog "${ja.question.nps}"`);
    expect(tree).toContain(`radio "0, ${ja.scale.nps.low}"`);
    expect(violations).toEqual([]);
  });

  it('an Enter that confirms an IME conversion never sends; Ctrl+Enter after it does', async () => {
    const { page, violations, console: logs } = await harness.newPage('/ui-ja.html');
    await survey(page).locator('[role=radiogroup]').waitFor();
    await pickNine(page);
    const cdp: CDPSession = await page.context().newCDPSession(page);
    // Typing とても with a kana-kanji IME: the text is still being composed…
    await cdp.send('Input.imeSetComposition', { text: 'とても', selectionStart: 3, selectionEnd: 3 });
    // …and these keys belong to the IME (Chromium marks them isComposing, keyCode 229 for the raw one).
    await page.keyboard.press('Control+Enter');
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', windowsVirtualKeyCode: 229, key: 'Enter', code: 'Enter', modifiers: 2 });
    await page.waitForTimeout(300);
    expect(await survey(page).locator('textarea').count()).toBe(1);
    // The conversion is confirmed, then the visitor sends on purpose.
    await cdp.send('Input.insertText', { text: 'とても丁寧でした' });
    expect(await survey(page).locator('textarea').inputValue()).toBe('とても丁寧でした');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => survey(page).locator('[role=status]').textContent()).toBe(ja.thanks);
    const [stored] = await harness.waitForResponses('shop', 'nps');
    expect(stored).toMatchObject({ score: 9, comment: 'とても丁寧でした', locale: 'ja' });
    expect(violations).toEqual([]);
    expect(logs).toEqual([]);
  });

  it('switches language at runtime keeping the chosen score and the typed comment', async () => {
    const { page } = await harness.newPage('/ui-ja.html');
    await survey(page).locator('[role=radiogroup]').waitFor();
    await pickNine(page);
    await page.keyboard.type('fast');
    await page.evaluate(() => window.koe('locale', 'en'));
    await expect.poll(() => survey(page).locator('#q').textContent()).toBe(en.question.nps);
    expect(await survey(page).locator('[role=dialog]').getAttribute('lang')).toBe('en');
    expect(await survey(page).locator('#u').textContent()).toBe(en.followUp.nps.promoter);
    expect(await survey(page).locator('[aria-checked=true]').textContent()).toBe('9');
    expect(await survey(page).locator('textarea').inputValue()).toBe('fast');
    expect(await survey(page).locator('.p').textContent()).toBe(en.send);
  });
});
