import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startHarness, type Harness } from './harness.js';

const PROPS = [
  'display', 'visibility', 'position', 'font-size', 'font-family', 'font-weight', 'line-height', 'letter-spacing',
  'color', 'background-color', 'border-top-width', 'border-top-style', 'border-top-color', 'padding-top', 'margin-top',
  'box-sizing', 'opacity', 'filter', 'transform', 'z-index',
];

/** Computed styles and boxes of the survey's host and of every element in its shadow tree. */
const surveyStyles = (page: Page): Promise<Record<string, unknown>[]> =>
  page.evaluate((props: string[]) => {
    const host = document.querySelector('koe-survey');
    const els = [host, ...host.shadowRoot.querySelectorAll('*')];
    return els.map((el: any) => {
      const cs = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        el: `${el.localName}.${el.className || ''}#${el.id || ''}[${el.getAttribute('aria-label') ?? ''}]`,
        // The host is an empty block at the end of the page's flow: where it sits is the page's business.
        box: el === host ? null : [box.x, box.y, box.width, box.height].map(Math.round),
        ...Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])),
      };
    });
  }, PROPS);

/** Computed styles of every element of the page's own DOM (the survey's host excluded). */
const pageStyles = (page: Page) =>
  page.evaluate((props: string[]) =>
    [...document.querySelectorAll('body *:not(koe-survey)')].map((el: any) => {
      const cs = getComputedStyle(el);
      return { el: `${el.localName}.${el.className || ''}`, ...Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])) };
    }),
  PROPS);

declare function getComputedStyle(el: unknown): { getPropertyValue(p: string): string };

describe.skipIf(!browserAvailable)('survey UI isolation (Chromium, strict CSP)', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ sites: [{ key: 'shop', surveys: [{ id: 'nps', kind: 'nps', trigger: { on: 'pageview' } }] }] });
  });
  afterAll(() => harness?.close());

  async function open(path: string) {
    const opened = await harness.newPage(path, { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await opened.page.locator('koe-survey [role=radiogroup]').waitFor();
    return opened;
  }

  it('renders identically on a page whose CSS attacks it with global !important rules and a transformed body', async () => {
    const plain = await open('/ui-plain.html');
    const hostile = await open('/ui-hostile.html');
    // The hostile sheet really applies to the page around the survey…
    expect(await hostile.page.evaluate(() => getComputedStyle(document.querySelector('h1')).getPropertyValue('font-size'))).toBe('40px');
    // …and to nothing inside it: every computed style and box is as on the plain page.
    const expected = await surveyStyles(plain.page);
    expect(expected.find((s) => String(s.el).startsWith('div.k'))).toMatchObject({ 'font-size': '15px', display: 'block', position: 'fixed' });
    expect(expected.filter((s) => String(s.el).startsWith('button') && s.display !== 'none')).toHaveLength(12);
    expect(await surveyStyles(hostile.page)).toEqual(expected);
    // In the viewport, not at the bottom of the 4,000 px transformed body.
    const box = (await hostile.page.locator('koe-survey [role=dialog]').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    // The survey still works there.
    await hostile.page.locator('koe-survey [role=radio] >> nth=8').click();
    await hostile.page.locator('koe-survey textarea').fill('Still usable');
    await hostile.page.locator('koe-survey .p').click();
    expect(await harness.waitForResponses('shop', 'nps')).toEqual([expect.objectContaining({ score: 8, comment: 'Still usable' })]);
    // Styled entirely under `style-src 'self'` with no nonce: nothing was blocked, nothing logged.
    expect([...plain.violations, ...hostile.violations]).toEqual([]);
    expect([...plain.console, ...hostile.console]).toEqual([]);
  });

  it('leaks no CSS: page elements named like its classes and tags look as they do without koe', async () => {
    const withKoe = await open('/ui-plain.html');
    const { page: bare } = await harness.newPage('/ui-plain-bare.html', { viewport: { width: 1280, height: 720 } });
    expect(await bare.locator('koe-survey').count()).toBe(0);
    expect(await pageStyles(withKoe.page)).toEqual(await pageStyles(bare));
    // Nothing was added to the page's head or to its own adopted sheets.
    expect(await withKoe.page.evaluate(() => [document.adoptedStyleSheets.length, document.querySelectorAll('style, [style]').length])).toEqual([0, 0]);
    expect(
      await withKoe.page.evaluate(() => {
        const root = document.querySelector('koe-survey').shadowRoot;
        return [root.adoptedStyleSheets.length, root.querySelectorAll('style, [style]').length];
      }),
    ).toEqual([1, 0]);
  });

  it('stays above ordinary page content with a high z-index', async () => {
    const { page } = await open('/ui-plain.html');
    const box = (await page.locator('koe-survey [role=dialog]').boundingBox())!;
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y).localName, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(hit).toBe('koe-survey');
    expect(await page.locator('koe-survey [role=dialog]').evaluate((el) => getComputedStyle(el).getPropertyValue('z-index'))).toBe('2147483000');
  });
});
