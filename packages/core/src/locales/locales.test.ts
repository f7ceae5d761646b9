import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { ja } from './ja.js';
import { MESSAGES, messagesFor } from './index.js';
import { localeDirection, resolveLocale } from './resolve.js';
import { localizeSurvey } from '../localize.js';

function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('message packs', () => {
  it('ja has exactly the keys of en, each a non-empty string', () => {
    const enKeys = leaves(en).map(([k]) => k).sort();
    expect(leaves(ja).map(([k]) => k).sort()).toEqual(enKeys);
    for (const pack of Object.values(MESSAGES)) {
      for (const [key, value] of leaves(pack)) expect(typeof value === 'string' && value.length > 0, key).toBe(true);
    }
  });
  it('ja reads as Japanese, not English', () => {
    for (const [key, value] of leaves(ja)) expect(value, key).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(ja.question.nps).toBe('友人や同僚にすすめる可能性はどのくらいありますか？');
  });
  it('has a follow-up for every category of every kind', () => {
    expect(Object.keys(en.followUp.nps).sort()).toEqual(['detractor', 'passive', 'promoter']);
    expect(Object.keys(en.followUp.csat).sort()).toEqual(['dissatisfied', 'neutral', 'satisfied']);
    expect(Object.keys(en.followUp.ces).sort()).toEqual(['difficult', 'easy', 'neutral']);
  });
});

describe('resolveLocale', () => {
  it.each([
    ['ja-JP', 'ja'],
    ['JA', 'ja'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [['fr', 'ja-JP', 'en'], 'ja'],
  ] as const)('%j → %s', (requested, expected) => {
    expect(resolveLocale(requested as string | string[] | undefined)).toBe(expected);
  });
  it('resolves among any available list, keeping its spelling', () => {
    expect(resolveLocale('pt-BR', ['en', 'pt-BR', 'pt'])).toBe('pt-BR');
    expect(resolveLocale('pt-PT', ['en', 'pt-BR'])).toBe('pt-BR');
    expect(resolveLocale('de', ['fr', 'es'])).toBe('fr');
  });
  it('gives the writing direction', () => {
    expect(localeDirection('ja')).toBe('ltr');
    expect(localeDirection('ar-EG')).toBe('rtl');
    expect(messagesFor('ja-JP')).toBe(ja);
  });
});

describe('localizeSurvey', () => {
  const survey = { id: 'a', kind: 'nps' as const, question: { en: 'Recommend us?', ja: 'すすめますか？' }, followUp: { detractor: { en: 'Why?' } } };
  it('uses the survey text of the locale, then the pack default', () => {
    const l = localizeSurvey(survey, 'ja', ja);
    expect(l.question).toBe('すすめますか？');
    expect(l.scale).toEqual({ min: 0, max: 10, low: ja.scale.nps.low, high: ja.scale.nps.high });
    expect(l.followUp.promoter).toBe(ja.followUp.nps.promoter);
    expect(localizeSurvey({ id: 'b', kind: 'ces' }, 'en', en).question).toBe(en.question.ces);
  });

  it('never mixes languages: a text missing in the locale\'s language falls back to the pack, not to another language', () => {
    // The survey has only an English detractor text: a Japanese card gets the pack's Japanese one.
    expect(localizeSurvey(survey, 'ja', ja).followUp.detractor).toBe(ja.followUp.nps.detractor);
    expect(localizeSurvey(survey, 'en', en).followUp.detractor).toBe('Why?');
    const englishOnly = { id: 'c', kind: 'ces' as const, question: { en: 'Tsumugi made it easy to resolve my issue.' } };
    expect(localizeSurvey(englishOnly, 'ja', ja).question).toBe(ja.question.ces);
    const japaneseOnly = { id: 'd', kind: 'csat' as const, question: { ja: '今回のチャットに満足されましたか？' } };
    expect(localizeSurvey(japaneseOnly, 'en', en).question).toBe(en.question.csat);
  });

  it.each([
    ['ja-JP', { ja: '日本語' }, '日本語'],
    ['en-US', { 'en-GB': 'Colour' }, 'Colour'],
    ['en', { 'en-GB': 'Colour', en: 'Color' }, 'Color'],
    ['ja', {}, ja.question.nps],
  ])('matches %s by language', (locale, question, expected) => {
    const messages = locale.startsWith('ja') ? ja : en;
    expect(localizeSurvey({ id: 'e', kind: 'nps', question }, locale, messages).question).toBe(expected);
  });
});
