import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listeningUrl, runCli, type CliProcess } from './cli-process.js';

const ADMIN = 'cli-admin-token-0123456789';
const SECRET = 'cli-site-secret-0123456789';
let dir: string;
let config: string;
const running: CliProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'koe-cli-'));
  config = join(dir, 'koe.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      sites: [
        {
          key: 'demo',
          name: 'Demo',
          origins: ['http://localhost:8787'],
          secret: SECRET,
          rateLimit: { perMinute: 0 },
          surveys: [
            { id: 'website-nps', kind: 'nps' },
            { id: 'post-chat-csat', kind: 'csat', channel: 'chat' },
            { id: 'support-ces', kind: 'ces' },
          ],
        },
      ],
    }),
  );
});
afterEach(() => {
  for (const cli of running.splice(0)) if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const serve = (db: string, extra: string[] = []) => {
  const cli = runCli(['serve', '--port', '0', '--host', '127.0.0.1', '--db', db, '--config', config, ...extra], { KOE_ADMIN_TOKEN: ADMIN });
  running.push(cli);
  return cli;
};
const answer = (i: number) => ({
  id: randomUUID(),
  site: 'demo',
  survey: 'website-nps',
  kind: 'nps',
  score: i % 11,
  comment: `回答 ${i}`,
  locale: 'ja',
  channel: 'web',
  answeredAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
});
const post = (url: string, body: unknown) =>
  fetch(`${url}/v1/responses`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` } });
const exported = async (url: string) => {
  const res = await fetch(`${url}/v1/responses?site=demo&survey=website-nps`, { headers: { authorization: `Bearer ${ADMIN}` } });
  expect(res.status).toBe(200);
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; comment: string });
};

describe('koe serve', () => {
  it('loses no acknowledged answer when killed with SIGKILL right after the last 202', async () => {
    const db = join(dir, 'kill.db');
    const first = serve(db);
    const url = await listeningUrl(first);
    // 200 answers: singles and batches of 10 from 20 concurrent clients, the way many widgets and one backend post.
    const sent: string[] = [];
    const jobs = Array.from({ length: 20 }, async (_, client) => {
      for (let round = 0; round < 5; round++) {
        const body = round % 2 === 0 ? answer(client * 10 + round) : { responses: Array.from({ length: 10 }, (_, k) => answer(1000 + client * 100 + round * 10 + k)) };
        const res = await post(url, body);
        expect(res.status).toBe(202);
        const ids = 'responses' in body ? body.responses.map((r) => r.id) : [body.id];
        expect(await res.json()).toEqual({ accepted: ids.length, duplicates: 0 });
        sent.push(...ids);
      }
    });
    await Promise.all(jobs);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const second = serve(db);
    const rows = await exported(await listeningUrl(second));
    expect(rows).toHaveLength(sent.length);
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(sent));
    // Retrying everything after the crash stores nothing twice.
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('finishes in-flight writes and exits 0 on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const db = join(dir, `${signal}.db`);
      const cli = serve(db);
      const url = await listeningUrl(cli);
      const bodies = Array.from({ length: 30 }, (_, i) => answer(i));
      const pending = bodies.map((body) => post(url, body).then((res) => res.status, () => 'refused'));
      await new Promise((resolve) => setTimeout(resolve, 5));
      cli.child.kill(signal);
      const statuses = await Promise.all(pending);
      expect(await cli.exited).toBe(0);
      expect(cli.output()).toContain('koe stopped');
      const acknowledged = bodies.filter((_, i) => statuses[i] === 202).map((body) => body.id);
      const again = serve(db);
      const ids = new Set((await exported(await listeningUrl(again))).map((row) => row.id));
      for (const id of acknowledged) expect(ids.has(id)).toBe(true);
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });

  it('exits non-zero with one clear line when the port is in use', async () => {
    const first = serve(join(dir, 'port-a.db'));
    const port = new URL(await listeningUrl(first)).port;
    const second = runCli(['serve', '--port', port, '--host', '127.0.0.1', '--db', join(dir, 'port-b.db'), '--config', config]);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toBe(`koe: port ${port} is already in use on 127.0.0.1: stop the other server or choose another port (--port or KOE_PORT)\n`);
    // The failed start removed the database it had just created, and never touches one that existed.
    for (const suffix of ['', '-wal', '-shm']) expect(existsSync(join(dir, `port-b.db${suffix}`))).toBe(false);
    const existing = runCli(['serve', '--port', port, '--host', '127.0.0.1', '--db', join(dir, 'port-a.db'), '--config', config]);
    expect(await existing.exited).toBe(1);
    expect(existsSync(join(dir, 'port-a.db'))).toBe(true);
  });

  it('names the SQLite file it cannot open, and the environment variable of a bad port', async () => {
    const missing = join(dir, 'no-such-dir', 'x.db');
    const cli = runCli(['serve', '--port', '0', '--db', missing, '--config', config]);
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toContain(`cannot open the SQLite file ${missing}`);
    const port = runCli(['serve', '--db', join(dir, 'env-port.db'), '--config', config], { KOE_PORT: 'abc' });
    expect(await port.exited).not.toBe(0);
    expect(port.stderr()).toContain('KOE_PORT must be an integer from 0 to 65535, got "abc"');
    const mmap = runCli(['serve', '--port', '0', '--db', join(dir, 'mmap.db'), '--config', config, '--sqlite-mmap', 'lots']);
    expect(await mmap.exited).not.toBe(0);
    expect(mmap.stderr()).toContain('--sqlite-mmap must be an integer from 0 to 1048576, got "lots"');
  });

  it('refuses a bad config file at start, naming the file and the field', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ sites: [{ key: 'demo', name: 'Demo', origins: ['https://x.example/'], surveys: [] }] }));
    const cli = runCli(['serve', '--port', '0', '--db', join(dir, 'bad.db'), '--config', bad]);
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toContain(bad);
    expect(cli.stderr()).toContain('sites.0.origins.0: must be an origin');
    expect(cli.stderr()).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'bad.db'))).toBe(false);
  });

  it('reads its settings from the environment', async () => {
    const cli = runCli(['serve'], { KOE_PORT: '0', KOE_HOST: '127.0.0.1', KOE_DB: join(dir, 'env.db'), KOE_CONFIG: config, KOE_ADMIN_TOKEN: ADMIN });
    running.push(cli);
    const url = await listeningUrl(cli);
    expect(cli.output()).toContain(`SQLite ${join(dir, 'env.db')}`);
    expect((await post(url, answer(1))).status).toBe(202);
    expect(await exported(url)).toHaveLength(1);
  });

  it('resolves relative paths against its working directory and names them in full', async () => {
    const cli = runCli(['serve', '--port', '0', '--host', '127.0.0.1', '--db', 'relative.db', '--config', 'koe.config.json', '--static', '/x=./nope'], { KOE_ADMIN_TOKEN: ADMIN }, dir);
    running.push(cli);
    await listeningUrl(cli);
    expect(cli.output().split('\n')[0]!.replace(/^koe \S+: /, '')).toBe(`SQLite ${join(dir, 'relative.db')}, config ${config} (1 site)`);
    expect(cli.stderr()).toContain(`warning: --static /x: ${join(dir, 'nope')} is not a directory, so nothing is served from it yet\n`);
    const missing = runCli(['serve', '--port', '0', '--db', 'x.db', '--config', 'missing.json'], {}, dir);
    expect(await missing.exited).toBe(1);
    expect(missing.stderr()).toBe(`koe: ${join(dir, 'missing.json')} does not exist\n`);
  });

  it('serves the dashboard from --dashboard-dir (relative to the working directory) or KOE_DASHBOARD_DIR, the flag first', async () => {
    for (const name of ['dash-flag', 'dash-env']) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'index.html'), `<!doctype html><title>${name}</title>`);
    }
    const page = async (cli: CliProcess) => {
      const res = await fetch(`${await listeningUrl(cli)}/dashboard/`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      return await res.text();
    };
    const start = (db: string, extra: string[]) => {
      const cli = runCli(['serve', '--port', '0', '--host', '127.0.0.1', '--db', join(dir, db), '--config', config, ...extra], { KOE_DASHBOARD_DIR: join(dir, 'dash-env') }, dir);
      running.push(cli);
      return cli;
    };
    expect(await page(start('dash-env.db', []))).toContain('<title>dash-env</title>');
    expect(await page(start('dash-flag.db', ['--dashboard-dir', 'dash-flag']))).toContain('<title>dash-flag</title>');
    // --no-dashboard wins over the environment, and contradicting it with --dashboard-dir is a usage error.
    const off = start('dash-off.db', ['--no-dashboard']);
    expect((await fetch(`${await listeningUrl(off)}/dashboard/`)).status).toBe(404);
    const both = start('dash-both.db', ['--no-dashboard', '--dashboard-dir', 'dash-flag']);
    expect(await both.exited).toBe(2);
  });

  it('answers --help and rejects unknown options with exit 2', async () => {
    const help = runCli(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.output()).toContain('koe serve [options]');
    const bad = runCli(['serve', '--colour', 'blue']);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toContain("Unknown option '--colour'");
    const short = runCli(['serve', '--admin-token', 'secret']);
    expect(await short.exited).toBe(2);
    expect(short.stderr()).toContain('the admin token must be at least 16 characters');
    const shortViewer = runCli(['serve', '--viewer-token', 'secret']);
    expect(await shortViewer.exited).toBe(2);
    expect(shortViewer.stderr()).toContain('the viewer token must be at least 16 characters');
    const same = runCli(['serve', '--admin-token', 'same-token-0123456789', '--viewer-token', 'same-token-0123456789']);
    expect(await same.exited).toBe(2);
    expect(same.stderr()).toContain('the viewer token must differ from the admin token');
  });

  it('runs as the package bin, the file pnpm links as `koe`', () => {
    const bin = fileURLToPath(new URL('../bin/koe.js', import.meta.url));
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { bin: { koe: string } };
    expect(join(dirname(bin), '..', pkg.bin.koe)).toBe(bin);
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toContain('koe serve [options]');
  });
});

describe('koe seed --demo', () => {
  it('fills the store so that reports have numbers, and a second run adds nothing', async () => {
    const db = join(dir, 'seed.db');
    const demoConfig = fileURLToPath(new URL('../../../examples/demo.config.json', import.meta.url));
    const seed = runCli(['seed', '--demo', '--responses', '300', '--days', '30', '--db', db, '--config', demoConfig]);
    expect(await seed.exited).toBe(0);
    expect(seed.output()).toMatch(/seeded 300 demo answers into site "demo"/);
    const again = runCli(['seed', '--demo', '--responses', '300', '--days', '30', '--db', db]);
    expect(await again.exited).toBe(0);
    expect(again.output()).toContain('300 already there');
    const cli = serve(db);
    const url = await listeningUrl(cli);
    const res = await fetch(`${url}/v1/reports/summary?site=demo&survey=website-nps`, { headers: { authorization: `Bearer ${ADMIN}` } });
    const summary = (await res.json()) as { n: number; score: number };
    expect(summary.n).toBeGreaterThan(50);
    expect(summary.score).toBeGreaterThan(-100);
    // The demo config's rules opened follow-up cases for the unhappy part of the history.
    const cases = (await (await fetch(`${url}/v1/cases?site=demo&limit=500`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { cases: { category: string }[] };
    expect(cases.cases.length).toBeGreaterThan(0);
    expect(new Set(cases.cases.map((c) => c.category))).toEqual(new Set(['detractor', 'dissatisfied', 'neutral']));
  });
});
