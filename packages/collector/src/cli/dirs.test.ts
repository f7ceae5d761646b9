import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { warnAboutMissingDirs } from './dirs.js';

const dir = mkdtempSync(join(tmpdir(), 'koe-dirs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('warns about each option whose path is missing or a file, and about nothing else', () => {
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'file'), '');
  const warnings: string[] = [];
  warnAboutMissingDirs(
    { '--widget-dir': join(dir, 'dist'), '--dashboard-dir': join(dir, 'nope'), '--static /x': join(dir, 'file') },
    { info() {}, warn: (m) => warnings.push(m), error() {} },
  );
  expect(warnings).toEqual([
    `--dashboard-dir: ${join(dir, 'nope')} is not a directory, so nothing is served from it yet`,
    `--static /x: ${join(dir, 'file')} is not a directory, so nothing is served from it yet`,
  ]);
});
