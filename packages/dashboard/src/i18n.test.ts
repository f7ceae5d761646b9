import { describe, expect, it } from 'vitest';
import { pickLang, TEXTS } from './i18n.js';

describe('TEXTS', () => {
  it('gives every text in both languages, none empty', () => {
    const walk = (value: unknown): string[] =>
      typeof value === 'function' ? [String((value as (...a: unknown[]) => unknown)('1', 2, 3))] : typeof value === 'object' && value ? Object.values(value).flatMap(walk) : [String(value)];
    expect(Object.keys(TEXTS.ja).sort()).toEqual(Object.keys(TEXTS.en).sort());
    for (const lang of ['en', 'ja'] as const) for (const text of walk(TEXTS[lang])) expect(text.trim()).not.toBe('');
  });

  it('speaks Japanese in Japanese', () => {
    expect(TEXTS.ja.signIn).toBe('サインイン');
    expect(TEXTS.ja.categories.detractor).toBe('批判者');
  });
});

describe('pickLang', () => {
  it.each([
    [['ja-JP', 'en-US'], 'ja'],
    [['fr-FR', 'ja'], 'ja'],
    [['en-GB'], 'en'],
    [['fr', 'de'], 'en'],
    [[], 'en'],
    [['JA'], 'ja'],
  ])('%j → %s', (preferred, lang) => expect(pickLang(preferred)).toBe(lang));
});
