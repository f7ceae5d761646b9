import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startHarness, type Harness } from './harness.js';

declare function getComputedStyle(el: unknown): { getPropertyValue(p: string): string };

// Screenshots for a human eye (not committed, not compared): light, dark and the narrow bottom sheet.
const SHOTS = join(tmpdir(), 'koe-ui-shots');

/** A page of the fixture site whose script tag carries theme attributes. */
const themed = (attributes: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Themed</title>
<link rel="stylesheet" href="/ui-plain.css"><script>{{SNIPPET}}</script>
<script async src="{{COLLECTOR}}/koe.js" data-site="{{SITE}}" ${attributes}></script></head>
<body><main><h1>Shop</h1><p>Theme options from the script tag.</p></main></body></html>`;

const style = (page: Page, selector: string, property: string) =>
  page.locator(`koe-survey ${selector}`).evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

describe.skipIf(!browserAvailable)('survey UI theme and layout (Chromium)', () => {
  let harness: Harness;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    harness = await startHarness({
      sites: [{ key: 'shop', surveys: [{ id: 'nps', kind: 'nps', trigger: { on: 'pageview' } }] }],
      fixtures: {
        '/ui-left.html': themed('data-position="bottom-left"'),
        '/ui-yellow.html': themed('data-accent="#ffd400"'),
        '/ui-forest.html': themed('data-accent="#0b3d2e" data-color-scheme="dark"'),
        '/ui-z.html': themed('data-z-index="5"'),
      },
    });
  });
  afterAll(() => harness?.close());

  async function open(path: string, options: BrowserContextOptions = {}) {
    const opened = await harness.newPage(path, { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce', ...options });
    await opened.page.locator('koe-survey [role=radiogroup]').waitFor();
    return opened.page;
  }
  const card = async (page: Page) => (await page.locator('koe-survey [role=dialog]').boundingBox())!;

  it('floats 16px from the bottom-right corner, 400px wide, light by default', async () => {
    const page = await open('/ui-plain.html');
    const box = await card(page);
    expect([box.x + box.width, box.y + box.height, box.width]).toEqual([1280 - 16, 720 - 16, 400]);
    expect(await style(page, '.k', 'background-color')).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: join(SHOTS, 'light.png') });
  });

  it('follows prefers-color-scheme: dark', async () => {
    const page = await open('/ui-plain.html', { colorScheme: 'dark' });
    expect(await style(page, '.k', 'background-color')).toBe('rgb(28, 33, 40)');
    expect(await style(page, '#q', 'color')).toBe('rgb(230, 237, 243)');
    await page.locator('koe-survey [role=radio] >> nth=9').click();
    await page.keyboard.type('Fast and friendly');
    await page.screenshot({ path: join(SHOTS, 'dark-follow-up.png') });
  });

  it.each([375, 320])('becomes a full-width bottom sheet on a %i px screen', async (width) => {
    const page = await open('/ui-plain.html', { viewport: { width, height: 667 }, isMobile: true, hasTouch: true });
    const box = await card(page);
    expect([box.x, box.width, box.y + box.height]).toEqual([0, width, 667]);
    const options = await page.locator('koe-survey [role=radio]').all();
    expect(options).toHaveLength(11);
    for (const option of options) {
      // Every option stays a usable touch target (WCAG 2.5.8: at least 24×24 CSS px)…
      const b = (await option.boundingBox())!;
      expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(24);
      // …and its number ("10" the widest) fits inside its borders.
      expect(await option.evaluate((button) => button.scrollWidth <= button.clientWidth)).toBe(true);
    }
    await page.screenshot({ path: join(SHOTS, `narrow-sheet-${width}.png`) });
  });

  it('takes the bottom-left corner when asked', async () => {
    const page = await open('/ui-left.html');
    expect((await card(page)).x).toBe(16);
  });

  it('animates in, except for visitors who prefer reduced motion', async () => {
    expect(await style(await open('/ui-plain.html', { reducedMotion: 'no-preference' }), '.k', 'animation-name')).toBe('u');
    expect(await style(await open('/ui-plain.html', { reducedMotion: 'reduce' }), '.k', 'animation-name')).toBe('none');
  });

  it('writes readable text on a custom accent: black on yellow, white on dark green', async () => {
    const yellow = await open('/ui-yellow.html');
    await yellow.locator('koe-survey [role=radio] >> nth=4').click();
    expect(await style(yellow, '.p', 'background-color')).toBe('rgb(255, 212, 0)');
    expect(await style(yellow, '.p', 'color')).toMatch(/^(rgb\(0, 0, 0\)|lch\(0 0 0\)|oklch\(0 0 0\))$/);
    expect(await style(yellow, '[aria-checked=true]', 'color')).toBe(await style(yellow, '.p', 'color'));
    await yellow.screenshot({ path: join(SHOTS, 'accent-yellow.png') });
    const forest = await open('/ui-forest.html');
    await forest.locator('koe-survey [role=radio] >> nth=4').click();
    expect(await style(forest, '.p', 'background-color')).toBe('rgb(11, 61, 46)');
    expect(await style(forest, '.p', 'color')).toMatch(/^(rgb\(255, 255, 255\)|lch\(100 0 0\)|oklch\(1 0 0\))$/);
    // data-color-scheme="dark" forces the dark theme although the visitor's system is light.
    expect(await style(forest, '.k', 'background-color')).toBe('rgb(28, 33, 40)');
  });

  it('takes a configured z-index', async () => {
    expect(await style(await open('/ui-z.html'), '.k', 'z-index')).toBe('5');
  });
});
