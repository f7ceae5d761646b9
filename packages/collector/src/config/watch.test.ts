import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load.js';
import { watchConfig, type ConfigHolder } from './watch.js';

let dir: string;
let file: string;
let holder: ConfigHolder | undefined;
const logs: string[] = [];
const logger = { info: (m: string) => logs.push(`info ${m}`), warn: (m: string) => logs.push(`warn ${m}`), error: (m: string) => logs.push(`error ${m}`) };
const site = (key: string, extra: Record<string, unknown> = {}) => ({ key, name: key, origins: ['https://a.example'], surveys: [{ id: 'nps', kind: 'nps' }], ...extra });
const write = (config: unknown) => writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'koe-config-'));
  file = join(dir, 'koe.config.json');
  logs.length = 0;
});
afterEach(() => {
  holder?.close();
  holder = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('applies defaults and accepts a BOM', () => {
    write(`\uFEFF${JSON.stringify({ sites: [site('shop')] })}`);
    expect(loadConfig(file).sites[0]!.surveys[0]).toMatchObject({ channel: 'web', throttle: { recontactDays: 90, sampleRate: 1 } });
  });

  it('names the file and the bad field path', () => {
    write({ sites: [site('shop', { origins: ['https://a.example/path'] })] });
    expect(() => loadConfig(file)).toThrow(ConfigError);
    try {
      loadConfig(file);
    } catch (error) {
      expect((error as ConfigError).message).toContain(file);
      expect((error as ConfigError).message).toContain('sites.0.origins.0: must be an origin');
      expect((error as ConfigError).issues[0]!.path).toBe('sites.0.origins.0');
    }
  });

  it('reports invalid JSON and missing files', () => {
    write('{ "sites": [');
    expect(() => loadConfig(file)).toThrow(/is not valid JSON/);
    expect(() => loadConfig(join(dir, 'missing.json'))).toThrow(/does not exist/);
  });
});

describe('watchConfig', () => {
  it('reloads a good edit and keeps the last good config on a bad one, logging the field path', async () => {
    write({ sites: [site('shop')] });
    holder = watchConfig(file, { logger, debounceMs: 10 });
    expect(holder.current.sites.map((s) => s.key)).toEqual(['shop']);

    write({ sites: [site('shop'), site('blog')] });
    await until(() => holder!.current.sites.length === 2);

    write({ sites: [site('shop', { rateLimit: { perMinute: -5 } })] });
    await until(() => logs.some((line) => line.startsWith('warn') && line.includes('sites.0.rateLimit.perMinute')));
    expect(holder.current.sites.map((s) => s.key)).toEqual(['shop', 'blog']);

    // Editors that save through a temporary file and a rename are followed too.
    writeFileSync(join(dir, 'tmp.json'), JSON.stringify({ sites: [site('renamed')] }));
    renameSync(join(dir, 'tmp.json'), file);
    await until(() => holder!.current.sites[0]?.key === 'renamed');

    // Deleted: the last good config stays and the log says so, once; written back, it is read again.
    rmSync(file);
    await until(() => logs.some((line) => line === `warn config: ${file} was removed; keeping the last good configuration until it is back`));
    expect(holder.current.sites[0]?.key).toBe('renamed');
    // More events while it stays gone (a file written and removed within the debounce) log nothing more.
    write({ sites: [site('flicker')] });
    rmSync(file);
    await new Promise((r) => setTimeout(r, 100));
    expect(holder.current.sites[0]?.key).toBe('renamed');
    write({ sites: [site('back')] });
    await until(() => holder!.current.sites[0]?.key === 'back');
    expect(logs.filter((line) => line.includes('was removed'))).toHaveLength(1);
  });

  it('warns at start and on each reload about a half-translated survey', async () => {
    const halfJapanese = { surveys: [{ id: 'nps', kind: 'nps', question: { en: 'Q', ja: '質問' }, followUp: { detractor: { en: 'Why?' } } }] };
    write({ sites: [site('shop', halfJapanese)] });
    holder = watchConfig(file, { logger, debounceMs: 10 });
    const gap = 'warn config: site "shop", survey "nps": followUp.detractor has no "ja" text';
    expect(logs.filter((line) => line.startsWith(gap))).toHaveLength(1);
    write({ sites: [site('shop', halfJapanese), site('blog')] });
    await until(() => holder!.current.sites.length === 2);
    expect(logs.filter((line) => line.startsWith(gap))).toHaveLength(2);
  });

  it('throws a ConfigError at start for a bad file, and waits for a missing one when allowed', async () => {
    write({ sites: [{ key: 'Bad Key' }] });
    expect(() => watchConfig(file)).toThrow(/sites\.0\.key/);
    rmSync(file);
    expect(() => watchConfig(file)).toThrow(/does not exist/);
    holder = watchConfig(file, { allowMissing: true, logger, debounceMs: 10 });
    expect(holder.current.sites).toEqual([]);
    write({ sites: [site('late')] });
    await until(() => holder!.current.sites[0]?.key === 'late');
  });
});
