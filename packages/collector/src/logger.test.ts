import { describe, expect, it } from 'vitest';
import { throttled } from './logger.js';

describe('throttled', () => {
  it('writes a repeating line at most once an interval, then says how many it left out', () => {
    const lines: string[] = [];
    let now = 0;
    const log = throttled((line) => lines.push(line), 10_000, () => now);
    log('store: insert failed: a');
    now = 5_000;
    log('store: insert failed: b');
    log('store: insert failed: c');
    expect(lines).toEqual(['store: insert failed: a']);
    now = 10_000;
    log('store: insert failed: d');
    now = 30_000;
    log('store: insert failed: e');
    expect(lines).toEqual([
      'store: insert failed: a',
      'store: insert failed: d (and 2 more like it since the last such line)',
      'store: insert failed: e',
    ]);
  });
});
