// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createContext, Script } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Budgets over the BUILT files (`pnpm test` builds first), gzip level 9 as `gzip -9` measures.
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const read = (name: string) => {
  if (!existsSync(dist + name)) throw new Error(`dist/${name} is missing: run \`pnpm build\` first`);
  return readFileSync(dist + name);
};
const gzip = (name: string) => gzipSync(read(name), { level: 9 }).length;
const locales = () => readdirSync(dist).filter((f) => /^koe-locale-[a-z-]+\.js$/.test(f));
// Signatures: Preact's SVG namespace constant, zod's error class and internal markers.
const PREACT = /http:\/\/www\.w3\.org\/2000\/svg/;
const ZOD = /ZodError|\$ZodType|_zod/;

describe('script-tag bundle size', () => {
  it('dist/koe.js, loaded on every page, is at most 3,072 bytes gzip', () => {
    const size = gzip('koe.js');
    console.log(`koe.js: ${size} B gzip (budget 3,072)`);
    expect(size).toBeLessThanOrEqual(3072);
  });

  it('dist/koe.js + dist/koe-ui.js are at most 10,240 bytes gzip, and every other chunk has a ceiling', () => {
    const loader = gzip('koe.js');
    const ui = gzip('koe-ui.js');
    const answer = gzip('koe-answer.js');
    console.log(`koe.js + koe-ui.js: ${loader + ui} B gzip (budget 10,240) = koe.js ${loader} + koe-ui.js ${ui}`);
    // Everything a visitor fetches to see and answer a survey, printed in full: the budget counts the loader
    // and the UI; the answering code and one language come on top.
    for (const name of locales()) {
      const locale = gzip(name);
      console.log(
        `to show and answer a survey in ${name.slice(11, -3)}: ${loader + answer + ui + locale} B gzip = koe.js ${loader} + koe-answer.js ${answer} + koe-ui.js ${ui} + ${name} ${locale}`,
      );
      expect(locale, name).toBeLessThanOrEqual(900);
    }
    expect(loader + ui).toBeLessThanOrEqual(10_240);
    expect(answer).toBeLessThanOrEqual(3_500);
  });

  it('dist/koe.js is a classic script that defines no global but window.koe', () => {
    // Run without a DOM, the loader stops at once (inside its try), so every name that appears on the
    // global object could only have come from a top-level declaration the minifier let out.
    const sandbox: Record<string, unknown> = {};
    sandbox.window = sandbox;
    const context = createContext(sandbox);
    const before = Object.keys(sandbox);
    new Script(read('koe.js').toString()).runInContext(context);
    expect(Object.keys(sandbox)).toEqual(before);
    expect(read('koe.js').toString()).not.toMatch(/^\s*(import|export)\b|\bexport\s*\{/m);
  });

  it('keeps Preact and zod out of koe.js, and zod out of every browser file', () => {
    const loader = read('koe.js').toString();
    expect(loader).not.toMatch(PREACT);
    expect(read('koe-ui.js').toString()).toMatch(PREACT);
    for (const name of ['koe.js', 'koe-answer.js', 'koe-ui.js', ...locales()]) expect(read(name).toString(), name).not.toMatch(ZOD);
  });

  it('ships the messages of one language per locale chunk', () => {
    expect(locales().sort()).toEqual(['koe-locale-en.js', 'koe-locale-ja.js']);
    expect(read('koe-locale-en.js').toString()).not.toMatch(/[\u3040-\u30ff]/);
    expect(read('koe-locale-ja.js').toString()).toMatch(/友人や同僚/);
    expect(read('koe.js').toString()).not.toMatch(/How likely|友人/);
  });
});

describe('npm build', () => {
  /** Bundles `contents` as an app would (browser platform, code splitting); `startup` is what loads before it runs. */
  const bundle = async (contents: string) => {
    const result = await build({
      stdin: { contents, resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'ts' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      splitting: true,
      outdir: '/virtual',
      minify: true,
      metafile: true,
      // Resolve the package itself to its built files, as an app's bundler would from node_modules.
      alias: { '@koe/widget': `${dist}index.js` },
      logLevel: 'silent',
    });
    const text = new Map(result.outputFiles.map((f) => [f.path.slice(f.path.indexOf('virtual/')), f.text]));
    const outputs = Object.fromEntries(Object.entries(result.metafile.outputs).map(([k, v]) => [k.slice(k.indexOf('virtual/')), v]));
    const startup = new Set<string>();
    const visit = (file: string) => {
      if (startup.has(file)) return;
      startup.add(file);
      for (const { path, kind } of outputs[file]?.imports ?? []) if (kind === 'import-statement') visit(path.slice(path.indexOf('virtual/')));
    };
    visit('virtual/stdin.js');
    const all = [...text.values()];
    const main = [...startup].map((f) => text.get(f) ?? '').join('\n');
    return { main, chunks: all.filter((t) => !main.includes(t)), all };
  };

  it('an app importing createKoe starts with neither Preact, IndexedDB code, messages nor zod; those load on demand', async () => {
    const { main, chunks, all } = await bundle("import { createKoe } from '@koe/widget'; createKoe({ site: 'shop', endpoint: 'https://c.example' });");
    const size = gzipSync(main, { level: 9 }).length;
    console.log(`npm: an app's startup code for createKoe: ${size} B gzip; ${chunks.length} chunks on demand`);
    expect(main).not.toMatch(PREACT);
    expect(main).not.toMatch(/indexedDB/);
    // The messages of a language (友人 escaped as esbuild writes non-ASCII) load with that language only.
    const ja = /\\u53CB\\u4EBA/i;
    expect(main).not.toMatch(/How likely/);
    expect(main).not.toMatch(ja);
    expect(chunks.some((c) => PREACT.test(c))).toBe(true);
    expect(chunks.some((c) => /indexedDB/.test(c))).toBe(true);
    expect(chunks.some((c) => /How likely/.test(c))).toBe(true);
    expect(chunks.some((c) => ja.test(c))).toBe(true);
    // Nothing from zod anywhere in the app's bundle: the widget uses only core's zod-free code.
    for (const code of all) expect(code).not.toMatch(ZOD);
    expect(size).toBeLessThanOrEqual(3_300);
  });

  it('importing without calling adds nothing (no side effects)', async () => {
    const { main } = await bundle("import '@koe/widget';");
    expect(main.trim()).toBe('');
  });
});
