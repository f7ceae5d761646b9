import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startHarness, type Harness } from './harness.js';

describe.skipIf(!browserAvailable)('page-view triggers in a single-page app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      sites: [
        {
          key: 'shop',
          surveys: [
            { id: 'pricing-nps', kind: 'nps', trigger: { on: 'pageview', url: '/spa/pricing*' } },
            { id: 'home-later', kind: 'csat', trigger: { on: 'pageview', url: '/spa.html', delaySeconds: 1.5 } },
          ],
        },
      ],
      fixtures: { '/spa/*': '<!doctype html><title>app</title>' },
    });
  });
  afterAll(() => h?.close());

  it('shows a survey when the app navigates to a matching URL with pushState, keeping the router working', async () => {
    const tab = await h.newContext();
    const page = await tab.open('/spa.html');
    await page.waitForFunction(() => window.koe?.loaded === true);
    // Navigate before the delayed home survey is due: it must not show on the new page.
    await page.evaluate(() => history.pushState({}, '', '/spa/pricing'));
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await page.getByRole('radio').count()).toBe(11);
    expect(await page.evaluate(() => window.routerLog)).toEqual(['/spa/pricing']);
    await new Promise((r) => setTimeout(r, 2000));
    expect(await page.getByRole('dialog').count()).toBe(1);
    expect(await page.getByRole('radio').count()).toBe(11);
    expect(tab.violations).toEqual([]);
    expect(tab.console).toEqual([]);
  });

  it('shows a delayed survey after its delay when the visitor stays, never after they navigated away', async () => {
    const stays = await h.newContext();
    const page = await stays.open('/spa.html');
    await page.getByRole('dialog').waitFor({ timeout: 5000 });
    expect(await page.getByRole('radio').count()).toBe(5);

    const leaves = await h.newContext();
    const other = await leaves.open('/spa.html');
    await other.waitForFunction(() => window.koe?.loaded === true);
    await other.evaluate(() => history.pushState({}, '', '/spa/about'));
    await new Promise((r) => setTimeout(r, 2500));
    expect(await other.getByRole('dialog').count()).toBe(0);
    expect(leaves.violations).toEqual([]);
  });
});
