import { describe, expect, it } from 'vitest';
import { memoryStorage } from './storage.js';
import { loadSurveys } from './surveys.js';
import { fakeFetch } from './test-support.js';

describe('loadSurveys', () => {
  it('revalidates with the ETag the collector sent, and sends none when it sent none', async () => {
    for (const etag of ['"v1"', undefined]) {
      const storage = memoryStorage();
      const { fetch, calls } = fakeFetch(() => new Response('{"surveys":[{"id":"nps","kind":"nps"}]}', { headers: etag ? { ETag: etag } : {} }));
      const options = { endpoint: 'https://c.example', site: 'shop', fetch, storage };
      expect(await loadSurveys(options)).toEqual([{ id: 'nps', kind: 'nps' }]);
      expect(await loadSurveys(options)).toEqual([{ id: 'nps', kind: 'nps' }]);
      expect(calls.map((c) => (c.init!.headers as Record<string, string>)['If-None-Match'])).toEqual([undefined, etag]);
    }
  });
});
