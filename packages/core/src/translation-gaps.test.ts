import { describe, expect, it } from 'vitest';
import { translationGaps } from './translation-gaps.js';

describe('translationGaps', () => {
  it.each([
    ['no texts', {}, []],
    ['one language throughout', { question: { en: 'Recommend us?' }, followUp: { detractor: { en: 'Why?' } } }, []],
    ['both languages throughout', { question: { en: 'Q', ja: '質問' }, followUp: { promoter: { en: 'Why?', 'ja-JP': 'なぜ？' } } }, []],
    ['a follow-up missing Japanese', { question: { en: 'Q', ja: '質問' }, followUp: { detractor: { en: 'Why?' } } }, [{ path: 'followUp.detractor', lang: 'ja' }]],
    ['a question missing English', { question: { ja: '質問' }, followUp: { passive: { en: 'What would help?', ja: '改善点は？' } } }, [{ path: 'question', lang: 'en' }]],
    ['each text missing the other', { question: { en: 'Q' }, followUp: { promoter: { ja: 'なぜ？' } } }, [{ path: 'question', lang: 'ja' }, { path: 'followUp.promoter', lang: 'en' }]],
  ])('%s', (_name, texts, gaps) => {
    expect(translationGaps({ id: 's', kind: 'nps', ...texts })).toEqual(gaps);
  });
});
