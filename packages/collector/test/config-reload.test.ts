import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchConfig, type ConfigHolder } from '../src/config/watch.js';
import { answer, harness, type Harness } from './harness.js';

let h: Harness | undefined;
let holder: ConfigHolder | undefined;
afterEach(async () => {
  holder?.close();
  await h?.close();
});

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not met in time');
};

describe('a running app follows its config file', () => {
  it('admits a newly added origin and keeps serving with the last good config after a bad edit', async () => {
    h = harness();
    const file = join(h.dir, 'koe.config.json');
    const site = (origins: string[]) => ({ sites: [{ key: 'shop', name: 'Shop', origins, rateLimit: { perMinute: 0 }, surveys: [{ id: 'nps-web', kind: 'nps' }] }] });
    writeFileSync(file, JSON.stringify(site(['https://a.example'])));
    const warnings: string[] = [];
    holder = watchConfig(file, { debounceMs: 10, logger: { info() {}, warn: (m) => warnings.push(m), error() {} } });
    const app = (await import('../src/app.js')).createApp({ store: h.store, config: () => holder!.current });
    const post = (origin: string) =>
      app.request('/v1/responses', { method: 'POST', body: JSON.stringify(answer()), headers: { 'content-type': 'text/plain', origin } });

    expect((await post('https://b.example')).status).toBe(403);
    writeFileSync(file, JSON.stringify(site(['https://a.example', 'https://b.example'])));
    await until(async () => (await post('https://b.example')).status === 202);

    writeFileSync(file, JSON.stringify(site(['https://b.example/oops'])));
    await until(async () => warnings.length > 0);
    expect(warnings[0]).toContain('sites.0.origins.0');
    expect(warnings[0]).toContain('kept the last good configuration');
    expect((await post('https://b.example')).status).toBe(202);
    expect((await post('https://a.example')).status).toBe(202);
  });
});
