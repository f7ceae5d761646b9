import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built CLI; `pnpm test` builds it before vitest runs. */
export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** A running `koe` process with its output so far. */
export interface CliProcess {
  child: ChildProcess;
  output: () => string;
  stderr: () => string;
  /** Resolves to the exit code (or signal name) once the process ends. */
  exited: Promise<number | string>;
}

/** Spawns `node dist/cli.js …args`. */
export function runCli(args: string[], env: Record<string, string> = {}, cwd?: string): CliProcess {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "pnpm build" first (pnpm test does)`);
  // The caller's own KOE_* settings (a developer's KOE_PORT, KOE_DATABASE_URL…) must not leak into the test.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KOE_')));
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...inherited, ...env }, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, output: () => out + err, stderr: () => err, exited };
}

/** Waits for the "koe listening on <url>" line and returns the URL. */
export async function listeningUrl(cli: CliProcess, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = /koe listening on (http:\/\/\S+)/.exec(cli.output());
    if (match) return match[1]!;
    if (cli.child.exitCode !== null || Date.now() > deadline) throw new Error(`koe did not start:\n${cli.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
