import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startHarness, type Harness } from './harness.js';

describe.skipIf(!browserAvailable)('answering from the script tag', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      sites: [{ key: 'shop', surveys: [{ id: 'checkout-nps', kind: 'nps', trigger: { on: 'event', event: 'checkout' } }] }],
      fixtures: {
        '/inline.html': '<!doctype html><title>x</title>{{KOE}}<script>window.inlineRan = true</script>',
        '/twice.html': '<!doctype html><title>x</title>{{KOE}}<script async src="{{COLLECTOR}}/koe.js" data-site="{{SITE}}"></script>',
      },
    });
  });
  afterAll(() => h?.close());

  it('stores NPS 9 with a Japanese comment once, with its site, survey, category and context', async () => {
    const { page, violations, console: logs } = await h.newPage('/basic.html');
    // Called right away, possibly before koe.js has loaded: the stub queues it and the loader replays it.
    await page.evaluate(() => window.koe('track', 'checkout', { order: 'A-1001', agent: 'sato' }));
    await page.getByRole('radio', { name: /^9\b/ }).click();
    const comment = page.getByRole('textbox');
    await comment.click();
    await page.keyboard.insertText('とても使いやすかったです');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Thank you for your feedback!').waitFor();

    const stored = await h.waitForResponses('shop', 'checkout-nps');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      site: 'shop',
      survey: 'checkout-nps',
      kind: 'nps',
      score: 9,
      category: 'promoter',
      comment: 'とても使いやすかったです',
      channel: 'web',
      context: { order: 'A-1001', agent: 'sato' },
    });
    expect(stored[0]!.respondent?.anonymousId).toBeTruthy();
    expect(violations).toEqual([]);
    expect(logs).toEqual([]);
  });

  it('runs under the strict CSP, which really blocks what it does not allow (the spec can see violations)', async () => {
    const { page, violations } = await h.newPage('/inline.html');
    await page.waitForFunction(() => window.koe?.loaded === true);
    expect(await page.evaluate(() => window.inlineRan)).toBeUndefined();
    await expect.poll(() => violations.length).toBe(1);
    expect(violations[0]).toMatch(/script-src/);
    const response = await page.request.get(h.siteUrl + '/basic.html');
    expect(response.headers()['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self' http:\/\/localhost:\d+ 'sha256-/);
    expect(response.headers()['content-security-policy']).not.toMatch(/unsafe/);
  });

  it('revalidates the cached surveys with their ETag on the next page: 304, and the survey still shows', async () => {
    const tab = await h.newContext();
    const statuses: number[] = [];
    tab.context.on('response', (r) => {
      if (r.url().endsWith('/v1/sites/shop/surveys') && r.request().method() === 'GET') statuses.push(r.status());
    });
    const first = await tab.open('/basic.html');
    await first.waitForFunction(() => window.koe?.loaded === true);
    await expect.poll(() => statuses).toEqual([200]);
    const second = await tab.open('/basic.html');
    await expect.poll(() => statuses).toEqual([200, 304]);
    await second.evaluate(() => window.koe('track', 'checkout'));
    await second.getByRole('radio', { name: /^10\b/ }).waitFor();
    expect(tab.violations).toEqual([]);
    expect(tab.console).toEqual([]);
  });

  it('does no harm when the script is included twice: one survey, one answer', async () => {
    const { page, violations, console: logs } = await h.newPage('/twice.html');
    await page.evaluate(() => window.koe('track', 'checkout', { order: 'T-2' }));
    await page.getByRole('radio', { name: /^8\b/ }).click();
    await page.getByRole('button', { name: 'Skip' }).click();
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.locator('koe-survey').count()).toBeLessThanOrEqual(1);
    const mine = async () => (await h.responses('shop', 'checkout-nps')).filter((r) => r.context?.order === 'T-2');
    await expect.poll(async () => (await mine()).length, { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mine()).toHaveLength(1);
    expect(violations).toEqual([]);
    expect(logs).toEqual([]);
  });
});
