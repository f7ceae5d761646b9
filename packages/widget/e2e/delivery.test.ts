import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startHarness, type Harness } from './harness.js';

describe.skipIf(!browserAvailable)('delivery: no answer lost, none sent twice', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      sites: [{ key: 'shop', surveys: [{ id: 'offline-nps', kind: 'nps', trigger: { on: 'event', event: 'purchase' } }] }],
    });
  });
  afterAll(() => h?.close());

  it('answered offline, tab closed, back online: the next page delivers it exactly once', async () => {
    const tab = await h.newContext();
    const page = await tab.open('/basic.html');
    await page.evaluate(() => window.koe('track', 'purchase', { order: 'B-7' }));
    await page.getByRole('radio', { name: /^7\b/ }).waitFor();

    await tab.context.setOffline(true);
    await page.getByRole('radio', { name: /^7\b/ }).click();
    await page.getByRole('textbox').click();
    await page.keyboard.insertText('配送が少し遅かった');
    await page.getByRole('button', { name: 'Send' }).click();
    // The visitor is told the answer is kept and will go later (onAnswer resolved 'queued').
    await page.getByRole('status').getByText('Saved. It will be sent when you are back online.').waitFor({ timeout: 5000 });
    // Saved in the outbox (IndexedDB), flagged for the next page; the fetch failed.
    await page.waitForFunction(() => localStorage.getItem('koe:shop:outbox') === '1');
    // runBeforeUnload fires pagehide as a tab close does; wait until the page is really gone.
    await Promise.all([page.waitForEvent('close'), page.close({ runBeforeUnload: true })]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await h.responses('shop', 'offline-nps')).toEqual([]);

    await tab.context.setOffline(false);
    const next = await tab.open('/basic.html');
    const stored = await h.waitForResponses('shop', 'offline-nps', 1);
    // Wait out retries and beacons: still exactly one.
    await next.reload();
    await new Promise((r) => setTimeout(r, 1500));
    const again = await h.responses('shop', 'offline-nps');
    expect(again).toHaveLength(1);
    expect(stored[0]).toMatchObject({ score: 7, category: 'passive', comment: '配送が少し遅かった', context: { order: 'B-7' } });
    // Delivered: the outbox is empty, so later pages load nothing but koe.js and the survey config.
    expect(await next.evaluate(() => localStorage.getItem('koe:shop:outbox'))).toBe('');
    expect(tab.violations).toEqual([]);
    expect(tab.console).toEqual([]);
  });

  it('a score picked before the tab closed is not lost: it arrives without a comment', async () => {
    const tab = await h.newContext();
    const page = await tab.open('/basic.html');
    await page.evaluate(() => window.koe('track', 'purchase'));
    await page.getByRole('radio', { name: /^3\b/ }).waitFor();
    await tab.context.setOffline(true);
    await page.getByRole('radio', { name: /^3\b/ }).click();
    await page.getByRole('textbox').waitFor();
    // runBeforeUnload fires pagehide as a tab close does; wait until the page is really gone.
    await Promise.all([page.waitForEvent('close'), page.close({ runBeforeUnload: true })]);
    await tab.context.setOffline(false);
    await tab.open('/basic.html');
    const stored = await h.waitForResponses('shop', 'offline-nps', 2);
    const mine = stored.filter((r) => r.score === 3);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.comment).toBeUndefined();
    expect(tab.violations).toEqual([]);
  });
});
