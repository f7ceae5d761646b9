import { describe, expect, it } from 'vitest';
import { originNotices } from './origin-notices.js';

function recorder() {
  const lines: string[] = [];
  return { lines, logger: { info() {}, error() {}, warn: (line: string) => lines.push(line) } };
}

describe('originNotices', () => {
  it('names a refused origin once per site and origin an hour', () => {
    const { lines, logger } = recorder();
    let now = 0;
    const notice = originNotices(logger, () => now);
    notice('shop', 'https://www.shop.example');
    notice('shop', 'https://www.shop.example');
    notice('blog', 'https://www.shop.example');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'site "shop": refused a browser request from "https://www.shop.example", which is not one of its origins; if the page is yours, add that origin to the site\'s "origins" in the config (said once an hour)',
    );
    now = 3_599_999;
    notice('shop', 'https://www.shop.example');
    expect(lines).toHaveLength(2);
    now = 3_600_000;
    notice('shop', 'https://www.shop.example');
    expect(lines).toHaveLength(3);
  });

  it('says at most maxPerInterval lines an interval, then one line that it stops', () => {
    const { lines, logger } = recorder();
    let now = 0;
    const notice = originNotices(logger, () => now, { intervalMs: 1000, maxPerInterval: 3 });
    for (let i = 0; i < 50; i++) notice('shop', `https://spam-${i}.example`);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('origins: more refused origins this hour than 3; not naming the others until it ends');
    now = 1000;
    notice('shop', 'https://spam-0.example');
    expect(lines).toHaveLength(5);
  });
});
