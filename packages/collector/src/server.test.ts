import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from './logger.js';
import { startServer, type RunningServer } from './server.js';
import { SqliteStore } from './store/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'koe-server-'));
let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  await running?.store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startServer', () => {
  it('answers 408 and closes a connection whose body trickles in past the request timeout', async () => {
    const store = new SqliteStore(join(dir, 'koe.db'));
    running = await startServer({ port: 0, host: '127.0.0.1', store, config: { sites: [] }, widgetDir: false, logger: silentLogger, requestTimeoutMs: 300 });
    const socket = connect(running.port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write('POST /v1/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"id":');
    const started = Date.now();
    await closed;
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(Buffer.concat(received).toString()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('takes the port before opening the store: 503 with Retry-After while it opens, nothing left when it fails', async () => {
    // A "database" that accepts connections and never answers keeps the store opening until it closes.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as AddressInfo).port;
    await new Promise<void>((resolve) => free.close(() => resolve()));
    const databaseUrl = `postgres://postgres@127.0.0.1:${(silent.address() as AddressInfo).port}/test`;
    const start = startServer({ port, host: '127.0.0.1', databaseUrl, config: { sites: [] }, widgetDir: false, logger: silentLogger });
    const failed = start.then(() => 'started', (error: Error) => error.message);
    let response: Response | undefined;
    const pause = () => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 20));
    for (let i = 0; i < 50 && !response; i++) response = await fetch(`http://127.0.0.1:${port}/health`).catch(pause);
    expect(response!.status).toBe(503);
    expect(response!.headers.get('retry-after')).toBe('1');
    expect(await response!.json()).toMatchObject({ error: { code: 'unavailable' } });
    for (const socket of sockets) socket.destroy();
    silent.close();
    expect(await failed).not.toBe('started');
    // The failed start let the port go.
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it('announces a new case to the survey webhook, end to end over HTTP', async () => {
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const hooks = createHttpServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
    const own = mkdtempSync(join(tmpdir(), 'koe-server-hooks-'));
    try {
      const url = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/koe`;
      const store = new SqliteStore(join(own, 'koe.db'));
      const config = { sites: [{ key: 'shop', name: 'Shop', secret: 'site-secret-0123456789', surveys: [{ id: 'nps', kind: 'nps' as const, cases: { webhook: { url } } }] }] };
      running = await startServer({ port: 0, host: '127.0.0.1', store, config, widgetDir: false, logger: silentLogger, notifyIntervalMs: 20 });
      const id = '0193a0b0-0000-7000-8000-000000000001';
      const post = await fetch(`${running.url}/v1/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer site-secret-0123456789' },
        body: JSON.stringify({ id, site: 'shop', survey: 'nps', kind: 'nps', score: 2, locale: 'ja', channel: 'chat', answeredAt: '2026-12-06T00:00:00Z' }),
      });
      expect(post.status).toBe(202);
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(received).toHaveLength(1);
      expect(received[0]!.headers['x-koe-delivery']).toBe(id);
      expect(JSON.parse(received[0]!.body)).toMatchObject({ type: 'case.opened', case: { id, score: 2, category: 'detractor' } });
    } finally {
      await running?.close();
      await running?.store.close();
      running = undefined;
      rmSync(own, { recursive: true, force: true });
      await new Promise<void>((resolve) => hooks.close(() => resolve()));
    }
  });
});
