import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startHarness, type Harness } from './harness.js';

/** The README's wait for the script tag to load, word for word, run as a chat page's own module would. */
const README_LOADED = /\/\/ Resolves to window\.koe once koe\.js runs[^\n]*\n([\s\S]*?)\n\n/.exec(
  readFileSync(new URL('../README.md', import.meta.url), 'utf8'),
)![1]!;

describe.skipIf(!browserAvailable)('chat products: mount and headless', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      sites: [{ key: 'support', surveys: [{ id: 'post-chat', kind: 'csat', channel: 'chat' }] }],
      fixtures: {
        // Runs as soon as the page parses, before the async koe.js has run: the README's wait must hold it.
        '/chat-ready.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chat</title>{{KOE}}
<script type="module" src="/chat-ready.js"></script></head><body><ol id="transcript"></ol></body></html>`,
        '/chat-ready.js': `window.early = typeof window.koe.mount;
${README_LOADED}
const koe = await koeLoaded;
const id = '1f0c3b9e-5d2a-5c4e-9a7b-2e6f8d1c4a3b';
for (const score of [2, 5]) {
  const chat = await koe.headless('post-chat', { id, context: { conversation: 'conv-11' } });
  window.results = [...(window.results ?? []), await chat.submit(score)];
}
`,
      },
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

  it("the README's wait for koe.js lets a chat use mount and headless from its first line; one id per conversation stores one answer", async () => {
    const { context, open, violations, console: logs } = await h.newContext();
    // koe.js arrives late (a slow network), so the page's module surely runs first and has to wait.
    await context.route('**/koe.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    const page = await open('/chat-ready.html');
    await page.waitForFunction(() => (window as unknown as { results?: string[] }).results?.length === 2);
    // The module ran before koe.js: window.koe was still the snippet's queue then.
    expect(await page.evaluate(() => (window as unknown as { early: string }).early)).toBe('undefined');
    expect(await page.evaluate(() => (window as unknown as { results: string[] }).results)).toEqual(['sent', 'sent']);
    const stored = (await h.waitForResponses('support', 'post-chat')).filter((r) => r.context?.conversation === 'conv-11');
    // Asked twice (a transcript drawn again), stored once: the first answer.
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: '1f0c3b9e-5d2a-5c4e-9a7b-2e6f8d1c4a3b', score: 2 });
    expect(violations).toEqual([]);
    expect(logs).toEqual([]);
  });
});
