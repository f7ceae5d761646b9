import { describe, expect, it } from 'vitest';
import { KoeConfig } from '@koe/core';
import { configNotes } from './notes.js';

describe('configNotes', () => {
  it('names each text of a half-translated survey, and nothing for one language throughout', () => {
    const config = KoeConfig.parse({
      sites: [
        {
          key: 'shop',
          name: 'Shop',
          surveys: [
            { id: 'nps', kind: 'nps', question: { en: 'Recommend us?', ja: 'すすめますか？' }, followUp: { detractor: { en: 'What went wrong?' } } },
            { id: 'csat', kind: 'csat', question: { en: 'Satisfied?' } },
          ],
        },
      ],
    });
    expect(configNotes(config)).toEqual([
      'config: site "shop", survey "nps": followUp.detractor has no "ja" text while its other texts have one; "ja" visitors see koe\'s default wording there',
    ]);
  });
});
