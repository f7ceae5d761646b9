import { describe, expect, it } from 'vitest';
import { MAP_KEY_PATTERN } from '@koe/core/browser';
import { isContextKey, KEY_PATTERN } from './context-key.js';

const SAMPLES = ['agentId', 'crm:tier', 'a.b-c_d', 'x'.repeat(40), 'x'.repeat(41), '', 'with space', '担当', 'a/b'];

describe('KEY_PATTERN', () => {
  it("accepts exactly the keys core's pattern does, compiled as a browser compiles an input's pattern", () => {
    const asBrowser = new RegExp(`^(?:${KEY_PATTERN})$`, 'v');
    for (const key of SAMPLES) expect([key, asBrowser.test(key)]).toEqual([key, MAP_KEY_PATTERN.test(key)]);
  });
});

describe('isContextKey', () => {
  it('refuses the keys core reserves, which the pattern alone lets through', () => {
    expect(['agentId', 'crm:tier', '__proto__', 'constructor', 'prototype', ''].map(isContextKey)).toEqual([true, true, false, false, false, false]);
  });
});
