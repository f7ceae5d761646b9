// Builds the dashboard into dist/: index.html, dashboard.css and one bundled dashboard.js (Preact included).
// The collector serves this directory at /dashboard/ under a CSP that admits only these files.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: [`${root}src/main.tsx`],
  outfile: `${dist}/dashboard.js`,
  bundle: true,
  minify: true,
  format: 'esm',
  // Module scripts are always decoded as UTF-8, so the Japanese texts stay as they are.
  charset: 'utf8',
  target: 'es2021',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  // Core's zod-free entry only: the dashboard imports types from @koe/core and values from @koe/core/browser.
  alias: { '@koe/core/browser': fileURLToPath(new URL('../../core/src/browser.ts', import.meta.url)) },
  logLevel: 'warning',
});
for (const file of ['index.html', 'dashboard.css']) copyFileSync(`${root}src/${file}`, `${dist}/${file}`);
