import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
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
});
