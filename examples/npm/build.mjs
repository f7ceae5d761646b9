// Bundles the app the way a team's own build would: esbuild resolves `@koe/widget` from node_modules
// (here the workspace package) and splits koe's survey UI and locale packs into chunks that load only
// when a survey is about to show.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, 'dist');

/** Builds dist/app.js (and its lazily loaded chunks); resolves to each file's size in bytes, raw and gzipped, and whether it loads at startup. */
export async function buildApp({ quiet = false } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    metafile: true,
    entryPoints: { app: join(here, 'src/app.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    chunkNames: 'chunks/[name]-[hash]',
    // Resolve @koe/widget as a customer's app does, through node_modules to its published dist/, not
    // through the workspace tsconfig's `paths` to its sources (those serve type-checking only).
    tsconfigRaw: { compilerOptions: {} },
    logLevel: quiet ? 'silent' : 'warning',
  });
  // What the page downloads before it runs: app.js and its static imports; the rest loads on demand.
  const initial = new Set();
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const { path, kind } of result.metafile.outputs[file]?.imports ?? []) if (kind === 'import-statement') visit(path);
  };
  visit(relative(process.cwd(), join(outdir, 'app.js')).split(sep).join('/'));
  const files = readdirSync(outdir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const bytes = readFileSync(join(outdir, name));
      const key = relative(process.cwd(), join(outdir, name)).split(sep).join('/');
      return { name, bytes: bytes.length, gzip: gzipSync(bytes).length, initial: initial.has(key) };
    });
  if (!quiet) {
    for (const file of files) {
      console.log(`  dist/${file.name.padEnd(40)} ${String(file.bytes).padStart(7)} B ${String(file.gzip).padStart(6)} B gzip  ${file.initial ? 'at startup' : 'on demand'}`);
    }
    const sum = (list) => list.reduce((total, file) => total + file.gzip, 0);
    console.log(`  at startup: ${sum(files.filter((f) => f.initial))} B gzip · on demand: ${sum(files.filter((f) => !f.initial))} B gzip`);
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildApp();
