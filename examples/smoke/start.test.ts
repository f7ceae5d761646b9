import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '@koe/collector';
import { banner, startDemo } from '../../scripts/start.mjs';

const START = fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url));
const run = promisify(execFile);
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'koe-start-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('scripts/start.mjs', () => {
  it('seeds on the first start, keeps the admin token, and reuses the data on the second', async () => {
    const dataDir = tempDir();
    const first = await startDemo({ port: 0, dataDir, seed: 300, logger: silentLogger });
    try {
      expect(first.seeded).toBe(300);
      expect(first.adminTokenCreated).toBe(true);
      expect(readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()).toBe(first.adminToken);
      const text = await banner(first);
      expect(text).toContain(`${first.url}/dashboard/`);
      const dashboard = await fetch(`${first.url}/dashboard/`);
      expect(dashboard.status).toBe(200);
      expect(await dashboard.text()).toContain('<script type="module" src="dashboard.js">');
      expect(text).toContain(`${first.url}/examples/website/`);
      expect(text).toContain(`${first.url}/examples/chat/`);
      expect(text).toContain(`${first.url}/examples/npm/`);
      expect(text).toContain(`curl -H "Authorization: Bearer ${first.adminToken}" "${first.url}/v1/reports/summary?site=demo&survey=website-nps"`);
      expect(text).toMatch(/website-nps\s+NPS [+−-]?\d/);
    } finally {
      await first.close();
    }
    const second = await startDemo({ port: 0, dataDir, seed: 300, logger: silentLogger });
    try {
      expect(second.seeded).toBe(0);
      expect(second.adminTokenCreated).toBe(false);
      expect(second.adminToken).toBe(first.adminToken);
      const response = await fetch(`${second.url}/v1/reports/breakdown?site=demo&survey=post-chat-csat&by=locale&from=2000-01-01T00:00:00Z`, {
        headers: { Authorization: `Bearer ${second.adminToken}` },
      });
      const rows = (await response.json()) as { summary: { n: number } }[];
      expect(rows.reduce((sum, row) => sum + row.summary.n, 0)).toBeGreaterThan(50);
    } finally {
      await second.close();
    }
  });

  it('prefers an explicit admin token to the kept one', async () => {
    const demo = await startDemo({ port: 0, dataDir: tempDir(), seed: 0, adminToken: 'explicit-token-for-tests', logger: silentLogger });
    try {
      const denied = await fetch(`${demo.url}/v1/reports/summary?site=demo&survey=website-nps`);
      expect(denied.status).toBe(401);
      const allowed = await fetch(`${demo.url}/v1/reports/summary?site=demo&survey=website-nps`, { headers: { Authorization: 'Bearer explicit-token-for-tests' } });
      expect(allowed.status).toBe(200);
    } finally {
      await demo.close();
    }
  });

  it('says in one line that the port is taken, without a stack trace', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '0.0.0.0', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const env = { ...process.env, KOE_PORT: String(port), KOE_DATA_DIR: tempDir(), KOE_ADMIN_TOKEN: 'x'.repeat(24) };
      const failure = await run(process.execPath, [START], { env, timeout: 20_000 }).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      const lines = failure!.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^koe: port ${port} is already in use`));
      // pnpm start takes no --port: the message names the variable that works.
      expect(lines[0]).toContain('KOE_PORT=8788 pnpm start');
      expect(lines[0]).not.toContain('--port');
    } finally {
      blocker.close();
    }
  });

  it('rejects a KOE_PORT that is not a port number', async () => {
    const failure = await run(process.execPath, [START], { env: { ...process.env, KOE_PORT: 'eighty', KOE_DATA_DIR: tempDir() }, timeout: 20_000 }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure!.stderr.trim()).toBe('koe: KOE_PORT must be a port number (0–65535), got "eighty"');
  });
});
