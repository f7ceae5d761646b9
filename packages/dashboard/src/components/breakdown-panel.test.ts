import { describe, expect, it } from 'vitest';
import { MAP_KEY_PATTERN } from '@koe/core/browser';
import { KEY_PATTERN } from './breakdown-panel.js';

describe('KEY_PATTERN', () => {
  it("accepts exactly the keys core does, compiled as a browser compiles an input's pattern", () => {
    const asBrowser = new RegExp(`^(?:${KEY_PATTERN})$`, 'v');
    for (const key of ['agentId', 'crm:tier', 'a.b-c_d', 'x'.repeat(40), 'x'.repeat(41), '', 'with space', '担当', 'a/b']) {
      expect([key, asBrowser.test(key)]).toEqual([key, MAP_KEY_PATTERN.test(key)]);
    }
  });
});
