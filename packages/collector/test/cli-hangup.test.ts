import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { listeningUrl, runCli, type CliProcess } from './cli-process.js';

const ADMIN = 'cli-admin-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'koe-cli-hup-'));
const running: CliProcess[] = [];
afterEach(() => {
  for (const cli of running.splice(0)) if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = (keys: string[]) => JSON.stringify({ sites: keys.map((key) => ({ key, name: key, surveys: [{ id: 'nps', kind: 'nps' }] })) });
const siteKeys = async (url: string) => {
  const res = await fetch(`${url}/v1/sites`, { headers: { authorization: `Bearer ${ADMIN}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { sites: { key: string }[] }).sites.map((site) => site.key);
};
const POLL = { timeout: 10_000, interval: 20 };

describe('koe serve on SIGHUP', () => {
  it('re-reads its config file and keeps serving; a bad file keeps the last good config and says why', async () => {
    // The config is a symbolic link into another directory (as a Kubernetes ConfigMap's or a deploy's
    // `current` link are): the directory watcher sees nothing when the target changes, so only SIGHUP can
    // apply these edits, and a reload seen here is the signal's.
    mkdirSync(join(dir, 'releases'));
    mkdirSync(join(dir, 'live'));
    const target = join(dir, 'releases', 'koe.config.json');
    const link = join(dir, 'live', 'koe.config.json');
    writeFileSync(target, config(['shop']));
    symlinkSync(target, link);
    const cli = runCli(['serve', '--port', '0', '--host', '127.0.0.1', '--db', join(dir, 'koe.db'), '--config', link], { KOE_ADMIN_TOKEN: ADMIN });
    running.push(cli);
    const url = await listeningUrl(cli);
    expect(await siteKeys(url)).toEqual(['shop']);

    writeFileSync(target, config(['shop', 'blog']));
    cli.child.kill('SIGHUP');
    await expect.poll(cli.output, POLL).toContain(`config: reloaded ${link} (2 sites)`);
    expect(cli.output()).toContain(`SIGHUP: re-reading ${link}\n`);
    expect(await siteKeys(url)).toEqual(['shop', 'blog']);

    writeFileSync(target, '{"sites": [');
    cli.child.kill('SIGHUP');
    await expect.poll(cli.stderr, POLL).toContain(`warning: config: kept the last good configuration: ${link} is not valid JSON`);
    expect(await siteKeys(url)).toEqual(['shop', 'blog']);

    // Still the same process, still draining on SIGTERM.
    expect(cli.child.exitCode).toBe(null);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain('koe stopped');
  });
});
