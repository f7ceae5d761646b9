// The server side of the ingest benchmark, in its own process so autocannon (in the parent) does not share
// its event loop. Usage: node bench/ingest-server.mjs bare|koe|koe-nowrite|koe-disk [--db file | --database-url url --schema s]
// Prints "ready <port>" once listening; on SIGTERM prints "cpu <µs>" (the process's CPU time since ready, all
// threads), "stored <n>" (koe) and "commits <n> writes <n>" (SQLite: group commit at work), then exits.
import { closeSync, fdatasync, fsyncSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { PostgresStore, SqliteStore, silentLogger, startServer } from '../dist/index.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { db: { type: 'string' }, 'database-url': { type: 'string' }, schema: { type: 'string' } },
});
const mode = positionals[0];
const cpuSince = (start) => {
  const { user, system } = process.cpuUsage(start);
  return user + system;
};

/** The benchmark's site: the origin autocannon sends, no rate limit (one client IP sends everything). */
export const BENCH_CONFIG = {
  sites: [{ key: 'bench', name: 'Bench', origins: ['https://shop.example'], rateLimit: { perMinute: 0 }, surveys: [{ id: 'nps', kind: 'nps' }] }],
};

if (mode === 'bare') {
  // The baseline: the cheapest handler that still reads the body, as every real ingest must.
  const app = new Hono();
  app.post('/v1/responses', async (c) => {
    await c.req.text();
    return c.body(null, 204);
  });
  let cpu;
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    cpu = process.cpuUsage();
    console.log(`ready ${info.port}`);
  });
  process.once('SIGTERM', () => {
    console.log(`cpu ${cpuSince(cpu)}`);
    server.close(() => process.exit(0));
  });
} else if (mode === 'koe' || mode === 'koe-nowrite' || mode === 'koe-disk') {
  // koe-nowrite and koe-disk are diagnostics, never results: the same app with a store that acknowledges
  // without writing (how much of the gap to bare Hono is HTTP + validation), and one that only waits for
  // the disk as a durable answer must (how much is the wait itself, whatever the database).
  const store = mode === 'koe-nowrite'
    ? { insert: async (rows) => ({ accepted: rows.length, duplicates: 0 }), countsByScore: async () => ({}), close: async () => {} }
    : mode === 'koe-disk'
    ? diskOnlyStore(values.db)
    : values['database-url']
    ? await PostgresStore.open(values['database-url'], { schema: values.schema })
    : new SqliteStore(values.db);
  const running = await startServer({ port: 0, host: '127.0.0.1', store, config: BENCH_CONFIG, widgetDir: false, logger: silentLogger });
  const cpu = process.cpuUsage();
  console.log(`ready ${running.port}`);
  process.once('SIGTERM', async () => {
    await running.close();
    console.log(`cpu ${cpuSince(cpu)}`);
    const counts = await store.countsByScore({ site: 'bench', survey: 'nps' });
    if (mode === 'koe') console.log(`stored ${Object.values(counts).reduce((a, b) => a + b, 0)}`);
    if (store.writeStats) console.log(`commits ${store.writeStats.commits} writes ${store.writeStats.writes}`);
    await store.close();
    process.exit(0);
  });
} else {
  console.error('usage: node bench/ingest-server.mjs bare|koe|koe-nowrite|koe-disk [--db file | --database-url url]');
  process.exit(2);
}

/**
 * The least a store that answers only once the answers are on disk can do, with no database: the rows of
 * each group of concurrent requests written to a file with one write and one fdatasync (on the thread pool,
 * as SqliteWriter flushes its log), one group in flight at a time. The file is allocated up front and
 * overwritten in a ring, as SQLite's log is in a steady state, so no flush waits for a journal commit of
 * a growing file.
 */
function diskOnlyStore(file) {
  const RING = 16 * 1024 * 1024;
  const fd = openSync(file, 'w+');
  writeSync(fd, Buffer.alloc(RING));
  fsyncSync(fd);
  let queue = [];
  let flushing = false;
  let scheduled = false;
  let offset = 0;
  const flush = () => {
    scheduled = false;
    if (flushing || queue.length === 0) return;
    const group = queue;
    queue = [];
    flushing = true;
    const bytes = Buffer.from(JSON.stringify(group.map((entry) => entry.rows)));
    if (offset + bytes.length > RING) offset = 0;
    writeSync(fd, bytes, 0, bytes.length, offset);
    offset += bytes.length;
    fdatasync(fd, () => {
      flushing = false;
      for (const entry of group) entry.resolve({ accepted: entry.rows.length, duplicates: 0 });
      schedule();
    });
  };
  // As SqliteWriter: the next group goes out once this turn of the event loop has parsed what it could.
  const schedule = () => {
    if (scheduled || flushing || queue.length === 0) return;
    scheduled = true;
    setImmediate(flush);
  };
  return {
    insert: (rows) => new Promise((resolve) => {
      queue.push({ rows, resolve });
      schedule();
    }),
    countsByScore: async () => ({}),
    close: async () => closeSync(fd),
  };
}
