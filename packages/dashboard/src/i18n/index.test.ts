import { describe, expect, it } from 'vitest';
import { pickLang, TEXTS } from './index.js';

/** Every text of a language, functions called with sample arguments, by dotted key. */
function flatten(value: unknown, key = ''): [string, string][] {
  if (typeof value === 'function') return [[key, String((value as (...a: unknown[]) => unknown)('12', 30, 'x'))]];
  if (typeof value === 'object' && value) return Object.entries(value).flatMap(([k, v]) => flatten(v, key ? `${key}.${k}` : k));
  return [[key, String(value)]];
}

// Texts that are the same in both languages on purpose: the product name.
const SAME = new Set(['kindScore.nps']);

describe('TEXTS', () => {
  const en = Object.fromEntries(flatten(TEXTS.en));
  const ja = Object.fromEntries(flatten(TEXTS.ja));

  it('gives every text in both languages, none empty', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const text of [...Object.values(en), ...Object.values(ja)]) expect(text.trim()).not.toBe('');
  });

  it('translates every Japanese text (each has Japanese script and differs from the English)', () => {
    const untranslated = Object.keys(en).filter((key) => !SAME.has(key) && (ja[key] === en[key] || !/[\u3000-\u30ff\u4e00-\u9fff]/.test(ja[key]!)));
    expect(untranslated).toEqual([]);
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
