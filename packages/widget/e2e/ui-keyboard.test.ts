import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '@koe/core';
import { browserAvailable, startHarness, type Harness } from './harness.js';

/** What has focus, read through the survey's shadow root: a radio's accessible name, else the text. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const inner = document.querySelector('koe-survey')?.shadowRoot?.activeElement;
    const el = inner ?? document.activeElement;
    return `${el.localName}:${el.getAttribute('aria-label') ?? el.textContent ?? ''}`;
  });

/** Presses Tab until focus is inside the survey; returns every stop on the way. */
async function tabIntoSurvey(page: Page): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    stops.push(await focused(page));
    if (await page.evaluate(() => !!document.querySelector('koe-survey')?.shadowRoot?.activeElement)) return stops;
  }
  throw new Error(`Tab never reached the survey: ${stops.join(' → ')}`);
}

describe.skipIf(!browserAvailable)('survey UI by keyboard only (Chromium)', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      sites: [
        { key: 'shop', surveys: [{ id: 'after-order', kind: 'nps', trigger: { on: 'pageview' } }] },
        { key: 'support', surveys: [{ id: 'ticket', kind: 'csat', trigger: { on: 'pageview' } }] },
      ],
    });
  });
  afterAll(() => harness?.close());

  it('Tab in, arrows, Enter, a two-line comment, Ctrl+Enter; focus returns after the thank-you', async () => {
    const { page, violations, console: logs } = await harness.newPage('/ui-keyboard.html');
    await page.locator('koe-survey [role=radiogroup]').waitFor();
    // The survey popped up by itself: it must not have taken focus from the page.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

    const stops = await tabIntoSurvey(page);
    expect(stops).toEqual(['a:Home', 'button:Buy again', `button:0, ${en.scale.nps.low}`]);
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('button:9');
    await page.keyboard.press('End');
    expect(await focused(page)).toBe(`button:10, ${en.scale.nps.high}`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');

    const followUp = page.locator('koe-survey #u');
    await expect.poll(() => followUp.textContent()).toBe(en.followUp.nps.promoter);
    expect(await focused(page)).toBe('textarea:');
    expect(await page.locator('koe-survey [aria-checked=true]').textContent()).toBe('9');
    await page.keyboard.type('Great service.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Thanks!');
    // Enter made a new line; nothing was sent yet.
    expect(await page.locator('koe-survey textarea').inputValue()).toBe('Great service.\nThanks!');
    await page.keyboard.press('Control+Enter');

    await expect.poll(() => page.locator('koe-survey [role=status]').textContent()).toBe(en.thanks);
    const [stored] = await harness.waitForResponses('shop', 'after-order');
    expect(stored).toMatchObject({ score: 9, category: 'promoter', comment: 'Great service.\nThanks!' });
    // The floating thank-you closes itself and hands focus back to where it was before the survey.
    await page.locator('koe-survey').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await focused(page)).toBe('button:Buy again');
    expect(violations).toEqual([]);
    expect(logs).toEqual([]);
  });

  it('Tab to Send works as well as Ctrl+Enter', async () => {
    const { page } = await harness.newPage('/ui-keyboard-csat.html');
    await page.locator('koe-survey [role=radiogroup]').waitFor();
    await tabIntoSurvey(page);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press(' ');
    await expect.poll(() => page.locator('koe-survey #u').textContent()).toBe(en.followUp.csat.dissatisfied);
    // A page shortcut as many sites have one: `/` focuses its search unless typed into a text box.
    await page.evaluate(() => {
      const search = document.body.appendChild(document.createElement('input'));
      document.addEventListener('keydown', (e: any) => {
        if (e.key === '/' && !['input', 'textarea'].includes(e.target.localName)) (e.preventDefault(), search.focus());
      });
    });
    await page.keyboard.type('Slow/reply');
    // Back into the scale lands on the checked option; Tab leaves from wherever the arrows got to.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('button:2');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('button:3');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('textarea:');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('button:2');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(`button:${en.skip}`);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(`button:${en.send}`);
    await page.keyboard.press('Enter');
    const [stored] = await harness.waitForResponses('support', 'ticket');
    expect(stored).toMatchObject({ score: 2, category: 'dissatisfied', comment: 'Slow/reply' });
  });

  it('Esc closes the survey before any score, storing nothing, and focus goes back', async () => {
    const { page, violations } = await harness.newPage('/ui-keyboard.html');
    await page.locator('koe-survey [role=radiogroup]').waitFor();
    const before = (await harness.responses('shop', 'after-order')).length;
    await tabIntoSurvey(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await page.locator('koe-survey').waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button:Buy again');
    await page.waitForTimeout(500);
    expect(await harness.responses('shop', 'after-order')).toHaveLength(before);
    expect(violations).toEqual([]);
  });
});
