import { describe, expect, it } from 'vitest';
import { memoryStorage, readJson, safeStorage } from './storage.js';

describe('readJson', () => {
  it('reads what was stored, nothing from an absent key, and passes over corrupt JSON', () => {
    const storage = memoryStorage();
    storage.setItem('state', '{"a":"x","s":{}}');
    storage.setItem('broken', '{"a":');
    expect(readJson(storage, 'state')).toEqual({ a: 'x', s: {} });
    expect(readJson(storage, 'absent')).toBeNull();
    expect(readJson(storage, 'broken')).toBeUndefined();
  });
});

describe('safeStorage', () => {
  it('falls back to memory, without throwing, when the storage throws', () => {
    const storage = safeStorage(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    storage.setItem('k', 'v');
    expect(storage.getItem('k')).toBe('v');
  });
});
