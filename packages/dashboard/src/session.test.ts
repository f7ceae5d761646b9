import { beforeEach, describe, expect, it } from 'vitest';
import { loadLang, loadToken, saveLang, saveToken } from './session.js';

describe('session', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('keeps the token for this tab only (sessionStorage), never in localStorage', () => {
    expect(loadToken()).toBeUndefined();
    saveToken('secret-token-0123456789');
    expect(loadToken()).toBe('secret-token-0123456789');
    expect(JSON.stringify({ ...localStorage })).not.toContain('secret-token');
    saveToken(undefined);
    expect(loadToken()).toBeUndefined();
  });

  it('remembers the language, else follows the browser', () => {
    expect(loadLang(['ja-JP'])).toBe('ja');
    saveLang('en');
    expect(loadLang(['ja-JP'])).toBe('en');
  });

  it('works without storage (a browser that refuses it)', () => {
    expect(loadToken(null)).toBeUndefined();
    expect(() => saveToken('x', null)).not.toThrow();
    expect(loadLang(['ja'], null)).toBe('ja');
    // Nothing reached the real storage.
    expect(sessionStorage.getItem('koe-dashboard-token')).toBeNull();
    const refusing = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); }, removeItem: () => {} } as unknown as Storage;
    expect(() => saveToken('x', refusing)).not.toThrow();
    expect(() => saveLang('ja', refusing)).not.toThrow();
  });
});
