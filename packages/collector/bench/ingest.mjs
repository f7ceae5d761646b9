// Ingest benchmark (`pnpm bench:collector`): bare Hono answering 204 vs koe's POST /v1/responses with durable
// writes, under the same autocannon load, then batch ingest; SQLite always, PostgreSQL when
// KOE_BENCH_DATABASE_URL or KOE_TEST_DATABASE_URL is set; then the storage report benchmark.
// Each server runs in its own process; autocannon runs here. Figures are printed, never asserted.
//   node bench/ingest.mjs [--duration 10] [--connections 50] [--rounds 3] [--no-reports]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    'no-reports': { type: 'boolean', default: false },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const WARMUP = Number(args.warmup);
const ROUNDS = Number(args.rounds);
const HERE = fileURLToPath(new URL('.', import.meta.url));
const PG_URL = process.env.KOE_BENCH_DATABASE_URL || process.env.KOE_TEST_DATABASE_URL;
const NODE_FLAGS = ['--max-semi-space-size=64'];

// Unique ids without the cost of crypto in the load generator: a counter laid out as a version-4 UUID.
const RUN = (process.pid % 0xffff).toString(16).padStart(4, '0');
let counter = 0;
const nextId = () => `00000000-${RUN}-4000-8000-${(counter++).toString(16).padStart(12, '0')}`;
const one = () =>
  `{"id":"${nextId()}","site":"bench","survey":"nps","kind":"nps","score":${counter % 11},"comment":"とても使いやすかった","locale":"ja","channel":"web","touchpoint":"checkout","context":{"page":"/thanks"},"respondent":{"anonymousId":"a-${counter % 5000}"},"answeredAt":"2026-11-23T10:00:00.000Z"}`;
const batch = (n) => `{"responses":[${Array.from({ length: n }, one).join(',')}]}`;

function startServer(mode, extra = []) {
  return new Promise((resolve, reject) => {
    // Every server runs as the README says to run koe under load: with a 64 MiB semi-space (see Deployment).
    const child = spawn(process.execPath, [...NODE_FLAGS, join(HERE, 'ingest-server.mjs'), mode, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const ready = /ready (\d+)/.exec(out);
      if (ready && !child.port) {
        child.port = Number(ready[1]);
        resolve(child);
      }
    });
    child.stop = () =>
      new Promise((done) => {
        child.once('exit', () => {
          const commits = /commits (\d+) writes (\d+)/.exec(out);
          done({ stored: /stored (\d+)/.exec(out)?.[1], cpu: Number(/cpu (\d+)/.exec(out)?.[1]), perCommit: commits ? Number(commits[2]) / Number(commits[1]) : undefined });
        });
        child.kill('SIGTERM');
      });
    child.once('exit', (code) => child.port || reject(new Error(`${mode} server exited with ${code}`)));
  });
}

function load(port, body, seconds) {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/v1/responses',
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://shop.example' },
        setupRequest: (request) => ({ ...request, body: body() }),
      },
    ],
  });
}

async function measure(label, mode, body, extra = [], perRequest = 1) {
  const server = await startServer(mode, extra);
  const warm = WARMUP > 0 ? await load(server.port, body, WARMUP) : { '2xx': 0 };
  const result = await load(server.port, body, DURATION);
  const { stored, cpu, perCommit } = await server.stop();
  const ok = result['2xx'];
  const rps = ok / DURATION;
  // Every acknowledged answer (warm-up included) must be in the store once the server has shut down; answers
  // still in flight when the load stopped are stored too, so `stored` may exceed `acknowledged`.
  const acknowledged = (warm['2xx'] + ok) * perRequest;
  // The server's CPU time (all its threads) per answer handled, warm-up included: steadier than req/s when
  // other work on the machine takes cores away, and what an optimisation of the server should lower.
  const handled = (warm['2xx'] + (warm.non2xx ?? 0) + ok + result.non2xx) * perRequest;
  const cpuPerAnswer = cpu / handled;
  const row = { label, rps, cpuPerAnswer, p99: result.latency.p99, ok, errors: result.errors + result.timeouts + result.non2xx, stored: stored === undefined ? undefined : Number(stored) };
  console.log(
    `  ${label.padEnd(44)} ${fmt(rps).padStart(8)} req/s   p99 ${String(row.p99).padStart(4)} ms   CPU ${cpuPerAnswer.toFixed(1).padStart(5)} µs/answer   non-2xx/errors ${row.errors}` +
      (row.stored === undefined
        ? ''
        : `   acknowledged ${fmt(acknowledged)}, stored ${fmt(row.stored)}${row.stored >= acknowledged ? ' (none lost)' : ` (${fmt(acknowledged - row.stored)} LOST)`}`) +
      (perCommit === undefined ? '' : `   ${perCommit.toFixed(1)} requests per commit`),
  );
  return row;
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ratio = (a, b) => (a / b).toFixed(2);

console.log(`koe ingest benchmark · node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
console.log(`load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} (other work on the machine skews absolute figures; the ratios hold better)`);
console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION} s per run after a ${WARMUP} s warm-up; each server in its own process (node ${NODE_FLAGS.join(' ')})`);
console.log(`bodies: one answer ≈ ${Buffer.byteLength(one())} bytes, text/plain as the widget sends them; unique ids`);

const dir = mkdtempSync(join(tmpdir(), 'koe-bench-'));
let run = 0;
const sqliteArgs = () => ['--db', join(dir, `bench-${run++}.db`)];
let bareRps;
try {
  // Alternating rounds, as load from elsewhere drifts: each ratio compares runs made a few seconds apart.
  console.log(`\nOne answer per request, ${ROUNDS} alternating rounds`);
  const rounds = [];
  for (let round = 1; round <= ROUNDS; round++) {
    console.log(`round ${round}`);
    const bare = await measure('bare Hono, read body, 204', 'bare', one);
    const nowrite = await measure('koe without writes (diagnostic only)', 'koe-nowrite', one);
    const koe = await measure('koe POST /v1/responses, SQLite, durable', 'koe', one, sqliteArgs());
    console.log(`  → koe / bare ${ratio(koe.rps, bare.rps)}   (without writes / bare ${ratio(nowrite.rps, bare.rps)})`);
    rounds.push({ bare: bare.rps, nowrite: nowrite.rps, koe: koe.rps, p99: koe.p99, bareP99: bare.p99, cpu: [bare.cpuPerAnswer, nowrite.cpuPerAnswer, koe.cpuPerAnswer] });
  }
  bareRps = median(rounds.map((r) => r.bare));
  console.log(
    `\nmedian: bare Hono ${fmt(bareRps)} req/s (p99 ${median(rounds.map((r) => r.bareP99))} ms), koe on SQLite ${fmt(median(rounds.map((r) => r.koe)))} req/s (p99 ${median(rounds.map((r) => r.p99))} ms)`,
  );
  console.log(`ratio koe / bare Hono: ${ratio(median(rounds.map((r) => r.koe / r.bare)), 1)} (median of the rounds; target ≥ 0.5, aiming for 0.7)`);
  console.log(`ratio koe without writes / bare Hono: ${ratio(median(rounds.map((r) => r.nowrite / r.bare)), 1)} (the HTTP and validation share; the rest is the durable write)`);
  const cpuMedian = (i) => median(rounds.map((r) => r.cpu[i])).toFixed(1);
  console.log(`server CPU per answer (median): bare Hono ${cpuMedian(0)} µs, koe without writes ${cpuMedian(1)} µs, koe durable ${cpuMedian(2)} µs`);

  console.log('\nBatches of 100 answers per request');
  const many = await measure('koe POST /v1/responses, SQLite, durable', 'koe', () => batch(100), sqliteArgs(), 100);
  console.log(`  → ${fmt(many.rps * 100)} responses/s on SQLite (target ≥ 100,000)`);
  const manyNowrite = await measure('koe without writes (diagnostic only)', 'koe-nowrite', () => batch(100), [], 100);
  console.log(`  → ${fmt(manyNowrite.rps * 100)} responses/s through HTTP and validation alone`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (PG_URL) {
  const schemas = [];
  const schema = () => {
    schemas.push(`koe_bench_${process.pid}_${schemas.length}`);
    return ['--database-url', PG_URL, '--schema', schemas.at(-1)];
  };
  try {
    console.log(`\nPostgreSQL (${PG_URL.replace(/\/\/[^@]*@/, '//')}, a fresh schema per run)`);
    const single = await measure('koe POST /v1/responses, 1 answer', 'koe', one, schema());
    console.log(`  → ratio to the median bare Hono above: ${ratio(single.rps, bareRps)}`);
    const many = await measure('koe POST /v1/responses, batches of 100', 'koe', () => batch(100), schema(), 100);
    console.log(`  → ${fmt(many.rps * 100)} responses/s on PostgreSQL`);
  } finally {
    const sql = postgres(PG_URL, { onnotice: () => {} });
    for (const name of schemas) await sql.unsafe(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
    await sql.end();
  }
} else {
  console.log('\nPostgreSQL: skipped (set KOE_BENCH_DATABASE_URL or KOE_TEST_DATABASE_URL)');
}

const reports = join(HERE, 'reports.mjs');
if (!args['no-reports'] && existsSync(reports)) {
  console.log('\nReport queries (bench/reports.mjs)');
  await new Promise((resolve) => spawn(process.execPath, [reports], { stdio: 'inherit' }).on('exit', resolve));
}
