import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startHarness, type Harness } from './harness.js';

describe.skipIf(!browserAvailable)('chat products: mount and headless', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      sites: [{ key: 'support', surveys: [{ id: 'post-chat', kind: 'csat', channel: 'chat' }] }],
    });
  });
  afterAll(() => h?.close());

  it('mounts the survey inside a chat transcript bubble and stores the answer with the chat context', async () => {
    const { page, violations, console: logs } = await h.newPage('/chat.html');
    await page.waitForFunction(() => window.koe?.loaded === true);
    await page.evaluate(() =>
      window.koe.mount('post-chat', document.querySelector('#bubble'), { context: { conversation: 'conv-9', agent: 'sato', team: 'billing' } }),
    );
    const bubble = page.locator('#bubble');
    await bubble.getByRole('radio', { name: /^4\b/ }).click();
    await bubble.getByRole('button', { name: 'Skip' }).click();
    const stored = await h.waitForResponses('support', 'post-chat');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      site: 'support',
      survey: 'post-chat',
      kind: 'csat',
      score: 4,
      category: 'satisfied',
      channel: 'chat',
      context: { conversation: 'conv-9', agent: 'sato', team: 'billing' },
    });
    // Inline, not a floating card: the survey's host element sits inside the bubble.
    expect(await page.evaluate(() => document.querySelector('#bubble')!.children.length)).toBe(1);
    expect(violations).toEqual([]);
    expect(logs).toEqual([]);
  });

  it('mounting twice into one bubble before either resolves (React strict mode) leaves one card', async () => {
    const { page, violations, console: logs } = await h.newPage('/chat.html');
    await page.waitForFunction(() => window.koe?.loaded === true);
    const shown = await page.evaluate(async () => {
      let count = 0;
      window.koe.on('shown', () => void count++);
      const bubble = document.querySelector('#bubble')!;
      await Promise.all([window.koe.mount('post-chat', bubble), window.koe.mount('post-chat', bubble)]);
      return count;
    });
    expect(shown).toBe(2);
    expect(await page.evaluate(() => document.querySelectorAll('#bubble koe-survey').length)).toBe(1);
    expect(await page.locator('#bubble').getByRole('radio', { name: /^4\b/ }).count()).toBe(1);
    expect(violations).toEqual([]);
    expect(logs).toEqual([]);
  });

  it('headless: the chat draws its own buttons; submit validates, dedupes and stores with context', async () => {
    const { page, violations } = await h.newPage('/chat.html');
    await page.waitForFunction(() => window.koe?.loaded === true);
    const result = await page.evaluate(async () => {
      const chat = await window.koe.headless('post-chat', { context: { conversation: 'conv-10' } });
      let error = '';
      try {
        await chat.submit(9);
      } catch (e) {
        error = `${(e as Error).name}: ${(e as Error).message}`;
      }
      const first = await chat.submit(2, 'The wait was long');
      const second = await chat.submit(2, 'The wait was long');
      return { survey: chat.survey, error, first, second };
    });
    expect(result.survey).toMatchObject({ id: 'post-chat', kind: 'csat', locale: 'en', scale: { min: 1, max: 5 } });
    expect(result.error).toBe('RangeError: csat score 9 is off the scale: expected an integer from 1 to 5');
    expect(result.first).toBe('sent');
    const stored = await h.waitForResponses('support', 'post-chat', 2);
    const mine = stored.filter((r) => r.context?.conversation === 'conv-10');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ score: 2, category: 'dissatisfied', comment: 'The wait was long', channel: 'chat' });
    expect(violations).toEqual([]);
  });
});
