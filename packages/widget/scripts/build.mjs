// Builds the widget: the script-tag files (dist/koe.js, koe-ui.js, koe-locale-*.js) and the npm build
// (dist/index.js plus code-split chunks; types come from `tsc -p tsconfig.build.json` afterwards).
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const coreSource = fileURLToPath(new URL('../../core/src/index.ts', import.meta.url));
const coreBrowser = fileURLToPath(new URL('../../core/src/browser.ts', import.meta.url));
const dist = `${root}dist`;
const uiEntry = `${root}src/ui/index.ts`;

const browser = {
  bundle: true,
  minify: true,
  legalComments: 'none',
  // Module scripts are always decoded as UTF-8: raw Japanese takes 3 bytes a character, not a 6-byte \u escape.
  charset: 'utf8',
  // ES2021 (logical assignment, optional chaining, dynamic import()): Chrome/Edge 85, Firefox 79, Safari 14.
  target: 'es2021',
  // Core's sources, so a browser build never depends on a stale core dist/; the widget imports only core's
  // zod-free entry (@koe/core/browser) at runtime, and the build fails if any zod code gets in anyway.
  alias: { '@koe/core/browser': coreBrowser, '@koe/core': coreSource },
  metafile: true,
  logLevel: 'warning',
};

function assertNoZod(result, name) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput > 0 && /[\\/]zod[\\/]/.test(input)) {
        throw new Error(`${name}: ${file} still uses zod (${input}); keep zod schemas out of browser code`);
      }
    }
  }
}

/**
 * Terser after esbuild: its multi-pass compression and top-level mangling save about 4% gzip on each
 * browser file. `module` chunks may mangle their top level; the classic-script loader keeps `toplevel`
 * off, so everything it declares stays inside its IIFE and no global appears on the host page.
 * `mangleProps` shortens Preact's internal properties (already `__x` in its build) to one or two letters:
 * they never leave koe-ui.js (nothing else sees its vnodes or its `options`), and `__html`
 * (dangerouslySetInnerHTML, public API) is kept.
 */
async function shrink(file, { module, mangleProps = false, compress = {} }) {
  const path = `${dist}/${file}`;
  const { code } = await minify(readFileSync(path, 'utf8'), {
    module,
    ecma: 2020,
    compress: { passes: 3, unsafe_arrows: true, pure_getters: true, unsafe: true, ...compress },
    mangle: { toplevel: module, ...(mangleProps && { properties: { regex: /^__(?!html$)/ } }) },
    format: { ascii_only: false },
  });
  writeFileSync(path, code);
}

rmSync(dist, { recursive: true, force: true });

const loader = await build({ ...browser, entryPoints: [`${root}src/loader.ts`], outfile: `${dist}/koe.js`, format: 'iife' });
assertNoZod(loader, 'koe.js');

const chunks = await build({
  ...browser,
  entryPoints: {
    'koe-answer': `${root}src/answer-chunk.ts`,
    'koe-locale-en': `${root}src/locales/en.ts`,
    'koe-locale-ja': `${root}src/locales/ja.ts`,
  },
  outdir: dist,
  format: 'esm',
});
assertNoZod(chunks, 'chunks');
// Hoisting (declarations moved to the top of their scope) changes no behaviour, only how well gzip finds
// repeats: measured per file, it saves 8 B on koe.js (with 2 passes) and 11 B on koe-answer.js, and costs
// koe-ui.js 39 B, where hoisting `var`s instead saves 30 B. On koe-ui.js, leaving `function`s that do not
// use `this` as they are (no unsafe_arrows) and single-use variables in place (no collapse_vars) makes a
// longer file that gzips 13 B smaller; the other files gain nothing from either.
await shrink('koe.js', { module: false, compress: { passes: 2, hoist_funs: true } });
await shrink('koe-answer.js', { module: true, compress: { hoist_funs: true } });
for (const file of ['koe-locale-en.js', 'koe-locale-ja.js']) await shrink(file, { module: true });

if (existsSync(uiEntry)) {
  const ui = await build({ ...browser, entryPoints: { 'koe-ui': uiEntry }, outdir: dist, format: 'esm' });
  assertNoZod(ui, 'koe-ui.js');
  await shrink('koe-ui.js', { module: true, mangleProps: true, compress: { hoist_vars: true, unsafe_arrows: false, collapse_vars: false } });
} else {
  console.warn('widget build: src/ui/index.ts is missing, dist/koe-ui.js not built');
}

// Which part of core's browser entry each widget module needs. Bundlers split code by module: had
// dist/ kept `import … from '@koe/core/browser'`, an app's startup chunk would carry everything that entry
// re-exports (both languages' messages, the scale table) because the runtime imports `resolveLocale` from
// it. So the npm build bundles those few core modules itself, each imported where it is used: the
// messages only in their locale chunk, the scale table only in the answering chunk.
const coreDir = fileURLToPath(new URL('../../core/src/', import.meta.url));
const coreParts = {
  'koe.ts': `${coreDir}locales/resolve.ts`,
  'en.ts': `${coreDir}locales/en.ts`,
  'ja.ts': `${coreDir}locales/ja.ts`,
};
// The answering chunk's share: the scale table and localizeSurvey, without the barrel's messages.
const coreAnswering = `export { categorize } from './scale-table.ts';\nexport { localizeSurvey } from './localize.ts';\n`;
const splitCore = {
  name: 'split-core-browser',
  setup(b) {
    b.onResolve({ filter: /^@koe\/core\/browser$/ }, ({ importer }) => {
      const file = importer.split(/[\\/]/).pop();
      if (file === 'answering.ts' || file === 'answer-chunk.ts') return { path: 'answering', namespace: 'koe-core' };
      return { path: coreParts[file] ?? coreBrowser };
    });
    b.onLoad({ filter: /.*/, namespace: 'koe-core' }, () => ({ contents: coreAnswering, loader: 'ts', resolveDir: coreDir }));
  },
};

// The npm build leaves dependencies to the app's bundler (core's browser code aside, see above); the UI
// and locales stay dynamic imports, so bundlers split them into chunks loaded only when a survey shows.
const npm = await build({
  entryPoints: [`${root}src/index.ts`],
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2020',
  platform: 'neutral',
  chunkNames: 'chunks/[name]-[hash]',
  external: ['@koe/core', 'idb-keyval', 'preact', 'preact/*'],
  plugins: [splitCore],
  metafile: true,
  logLevel: 'warning',
});
assertNoZod(npm, 'npm build');
