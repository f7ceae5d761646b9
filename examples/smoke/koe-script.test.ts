import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'packages/collector/bin/koe.js');
// Unique, so a regression (the file landing in the repository root) is spotted and cleaned up, never confused.
const DB = `koe-script-test-${process.pid}.db`;
const dirs: string[] = [];
// Real paths: pnpm reports its working directory resolved, and a temporary directory may sit behind a link.
const tempDir = () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'koe-script-')));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(ROOT, DB + suffix), { force: true });
});

/** Runs a command to its end; a non-zero exit is an outcome here, not an error. */
function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  // A developer's KOE_* settings, and the INIT_CWD of the `pnpm test` running this, must not leak in.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KOE_') && name !== 'INIT_CWD'));
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(command, args, { cwd, env: { ...inherited, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
const seedArgs = (db: string) => ['seed', '--demo', '--responses', '20', '--days', '2', '--db', db];

describe('pnpm koe (scripts/koe.mjs)', () => {
  it('is what the root package.json runs as `koe`', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.koe).toMatch(/^node (--\S+ )*scripts\/koe\.mjs$/);
  });

  it('resolves relative paths against the directory pnpm was started in, and names them in full', async () => {
    const here = tempDir();
    // -C runs the repository's script from elsewhere, as `pnpm koe` typed in a subdirectory does.
    const seeded = await run('pnpm', ['-s', '-C', ROOT, 'koe', ...seedArgs(`./${DB}`)], here);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain(`seeded 20 demo answers into site "demo" of ${join(here, DB)}`);
    expect(existsSync(join(here, DB))).toBe(true);
    expect(existsSync(join(ROOT, DB))).toBe(false);

    const missing = await run('pnpm', ['-s', '-C', ROOT, 'koe', 'serve', '--port', '0', '--host', '127.0.0.1', '--config', './missing.json'], here);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`koe: ${join(here, 'missing.json')} does not exist\n`);
  });

  it('leaves the CLI run directly to its own working directory, whatever INIT_CWD says', async () => {
    const here = tempDir();
    const elsewhere = tempDir();
    const direct = await run(process.execPath, [BIN, ...seedArgs(`./${DB}`)], here, { INIT_CWD: elsewhere });
    expect(direct.code).toBe(0);
    expect(existsSync(join(here, DB))).toBe(true);
    expect(existsSync(join(elsewhere, DB))).toBe(false);
  });
});
