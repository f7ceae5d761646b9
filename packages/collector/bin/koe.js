#!/usr/bin/env node
// The `koe` command. A file of the repository rather than dist/cli.js itself, so pnpm can link it at
// install time, before a build made dist/ (it warned about a missing bin on every fresh install).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  process.stderr.write('koe: the collector is not built yet: run `pnpm build` first\n');
  process.exitCode = 1;
}
