// Report benchmark: fills 1,000,000 answers (90+ days, several surveys and channels) into a temporary
// SQLite file, then times the report queries koe's admin API runs. With KOE_BENCH_DATABASE_URL or
// KOE_TEST_DATABASE_URL set, does the same on PostgreSQL in a throwaway schema.
//   pnpm --filter @koe/collector build && node packages/collector/bench/reports.mjs [--rows 1000000] [--runs 30]
// Figures are printed, never asserted: the target is ≤ 50 ms per query on SQLite.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { PostgresStore, SqliteStore } from '../dist/store/index.js';
import { ROW_COLUMNS, toRow } from '../dist/store/rows.js';
import { rebuildCountsSql } from '../dist/store/sqlite-migrations.js';
import { countRowsSql } from '../dist/store/postgres-migrations.js';
import { seededRandom as random } from '../dist/seed/random.js';

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: process.env.KOE_BENCH_ROWS ?? '1000000' }, runs: { type: 'string', default: '30' } },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const DAY = 86_400_000;
// "Now" is deliberately off the hour: real report ranges end at the request's time.
const NOW = Date.parse('2026-11-23T10:53:12.345Z');
const SPAN_DAYS = 120;
const SITE = 'acme';
const SURVEYS = [
  { id: 'post-chat', kind: 'nps', share: 0.6, min: 0, max: 10 },
  { id: 'support', kind: 'csat', share: 0.25, min: 1, max: 5 },
  { id: 'checkout', kind: 'ces', share: 0.15, min: 1, max: 7 },
];
const CHANNELS = ['web', 'web', 'web', 'chat', 'chat', 'email', 'app'];
const TOUCHPOINTS = ['checkout', 'support', 'onboarding', 'billing', 'delivery', undefined];
const LOCALES = ['ja', 'ja', 'ja-JP', 'en', 'en-US'];
const COMMENTS = ['とても丁寧な対応でした', 'Fast and friendly', '待ち時間が長かった', 'Could not find the invoice', undefined, undefined, undefined];

/**
 * Yields the benchmark's answers as rows, in batches, from a seeded generator (the same data for both
 * stores), in the order they were answered: a live collector stores answers as they arrive, so rows of
 * the same days sit together in the file, which is what reports that read raw rows depend on. (Runs
 * before 2026-12-06 filled them in random order: a breakdown by context key then took 600 to 930 ms on
 * SQLite instead of about 200.)
 */
function* batches(size) {
  const rows = [...answers()];
  const at = ROW_COLUMNS.indexOf('answered_at');
  rows.sort((a, b) => a[at] - b[at]);
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** The benchmark's answers as rows, one at a time, from a seeded generator. */
function* answers() {
  const next = random(2026);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const received = new Date(NOW);
  for (let i = 0; i < ROWS; i++) {
    const r = next();
    const survey = r < SURVEYS[0].share ? SURVEYS[0] : r < SURVEYS[0].share + SURVEYS[1].share ? SURVEYS[1] : SURVEYS[2];
    // More answers in the daytime (JST) and a slowly growing volume, like a real product.
    let at = NOW - Math.floor(Math.sqrt(next()) * SPAN_DAYS * DAY);
    if (next() < 0.5) at -= ((new Date(at).getUTCHours() + 9) % 24 < 8 ? 8 * 3_600_000 : 0);
    const touchpoint = pick(TOUCHPOINTS);
    const comment = pick(COMMENTS);
    const response = {
      id: `${i.toString(16).padStart(8, '0')}-0000-4000-8000-${Math.floor(next() * 2 ** 48).toString(16).padStart(12, '0')}`,
      site: SITE,
      survey: survey.id,
      kind: survey.kind,
      score: survey.min + Math.floor(next() * (survey.max - survey.min + 1)),
      locale: pick(LOCALES),
      channel: pick(CHANNELS),
      answeredAt: new Date(at).toISOString(),
      ...(touchpoint ? { touchpoint } : {}),
      ...(comment ? { comment } : {}),
      ...(next() < 0.5 ? { context: { agent: `agent-${Math.floor(next() * 40)}`, conversation: `c-${i}` } } : {}),
      ...(next() < 0.8 ? { respondent: { anonymousId: `anon-${Math.floor(next() * ROWS / 3)}` } } : {}),
    };
    yield toRow(response, received);
  }
}

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

async function time(fn) {
  for (let i = 0; i < 3; i++) await fn();
  const samples = [];
  const started = Date.now();
  // Slow queries get fewer runs (at least 5) so one run of the benchmark stays within minutes.
  for (let i = 0; i < RUNS && (i < 5 || Date.now() - started < 5000); i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples.push(ms(t0));
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

const last90 = { site: SITE, survey: 'post-chat', from: new Date(NOW - 90 * DAY), to: new Date(NOW) };
const previous90 = { site: SITE, survey: 'post-chat', from: new Date(NOW - 180 * DAY), to: new Date(NOW - 90 * DAY) };
const QUERIES = [
  ['summary: countsByScore, one survey, 90 days', (s) => s.countsByScore(last90)],
  ['summary endpoint: 90 days + the previous 90', (s) => Promise.all([s.countsByScore(last90), s.countsByScore(previous90)])],
  ['trend: 90 daily buckets in Asia/Tokyo', (s) => s.countsByPeriod(last90, { interval: 'day', timeZone: 'Asia/Tokyo' })],
  ['trend: 13 weekly buckets in America/New_York', (s) => s.countsByPeriod(last90, { interval: 'week', timeZone: 'America/New_York' })],
  ['breakdown by channel, 90 days', (s) => s.countsByDimension(last90, 'channel')],
  ['summary, channel = chat, 90 days', (s) => s.countsByScore({ ...last90, channel: 'chat' })],
  ['summary, touchpoint = support, 90 days', (s) => s.countsByScore({ ...last90, touchpoint: 'support' })],
  ['breakdown by touchpoint, 90 days', (s) => s.countsByDimension(last90, 'touchpoint')],
  ['summary, channel = chat + touchpoint, 90 days', (s) => s.countsByScore({ ...last90, channel: 'chat', touchpoint: 'support' })],
  ['breakdown by channel, touchpoint = support, 90 days', (s) => s.countsByDimension({ ...last90, touchpoint: 'support' }, 'channel')],
  ['breakdown by locale, 90 days', (s) => s.countsByDimension(last90, 'locale')],
  ['breakdown by context.agent, 90 days (raw rows)', (s) => s.countsByDimension(last90, 'context.agent')],
];

async function measure(label, store) {
  const total = Object.values(await store.countsByScore(last90)).reduce((a, b) => a + b, 0);
  console.log(`\n${label}: ${total.toLocaleString('en')} answers in the measured 90 days of post-chat`);
  const results = {};
  for (const [name, fn] of QUERIES) {
    const { median, p95 } = await time(() => fn(store));
    results[name] = { median, p95 };
    console.log(`  ${name.padEnd(58)} median ${median.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms`);
  }
  return results;
}

async function sqlite() {
  const dir = mkdtempSync(join(tmpdir(), 'koe-bench-reports-'));
  const file = join(dir, 'koe.db');
  try {
    // The schema comes from the store itself; the fill uses big transactions instead of the durable path.
    await new SqliteStore(file).close();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const insert = db.prepare(`INSERT INTO responses (${ROW_COLUMNS.join(', ')}) VALUES (${ROW_COLUMNS.map(() => '?').join(', ')})`);
    const fill = db.transaction((rows) => rows.forEach((row) => insert.run(row)));
    let t0 = process.hrtime.bigint();
    for (const batch of batches(50_000)) fill(batch);
    // The bulk fill bypasses the writer, which keeps the hourly and daily counts: compute them once here.
    db.exec(rebuildCountsSql());
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
    db.close();
    console.log(`SQLite: filled ${ROWS.toLocaleString('en')} answers in ${(ms(t0) / 1000).toFixed(1)} s ` +
      `(${(statSync(file).size / 2 ** 20).toFixed(0)} MiB)`);

    const store = new SqliteStore(file);
    const results = await measure('SQLite', store);
    await store.close();
    // The durable write path at the store level (HTTP is bench/ingest's): one answer per call and 100 per
    // call, 50 callers at once as 50 connections would, into the filled file and into a fresh one.
    // Answers are made before the clock starts, with random UUIDs and anonymous ids as real clients send.
    const filled = `the ${ROWS.toLocaleString('en')}-answer file`;
    for (const target of [filled, 'a fresh file']) {
      const ingest = new SqliteStore(target === filled ? file : join(dir, 'fresh.db'));
      for (const perCall of [1, 100]) {
        const calls = perCall === 1 ? 20_000 : 1_000;
        const next = random(perCall);
        const work = Array.from({ length: calls }, () =>
          Array.from({ length: perCall }, () => ({
            id: randomUUID(), site: SITE, survey: 'ingest', kind: 'nps', score: Math.floor(next() * 11), locale: 'ja', channel: 'web',
            touchpoint: 'checkout', context: { page: '/thanks' }, respondent: { anonymousId: randomUUID() }, answeredAt: new Date(NOW).toISOString(),
          })),
        );
        const before = ingest.writeStats;
        t0 = process.hrtime.bigint();
        await Promise.all(Array.from({ length: 50 }, async (_, caller) => {
          for (let i = caller; i < calls; i += 50) await ingest.insert(work[i], new Date());
        }));
        const seconds = ms(t0) / 1000;
        const commits = ingest.writeStats.commits - before.commits;
        console.log(`  durable insert into ${target.padEnd(28)} ${String(perCall).padStart(3)} per call, 50 callers: ` +
          `${Math.round((calls * perCall) / seconds).toLocaleString('en')} answers/s, ${(calls / commits).toFixed(1)} calls per commit`);
      }
      await ingest.close();
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRun(url) {
  const schema = `koe_bench_${Date.now().toString(36)}`;
  const admin = postgres(url, { max: 4, onnotice() {}, connection: { search_path: schema } });
  try {
    await (await PostgresStore.open(url, { schema })).close();
    const t0 = process.hrtime.bigint();
    const types = ['text', 'text', 'text', 'text', 'smallint', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'bigint', 'text', 'bigint'];
    const select = ROW_COLUMNS.map((c) => (c === 'context' || c === 'respondent' ? `${c}::json` : c)).join(', ');
    const statement = `INSERT INTO responses (${ROW_COLUMNS.join(', ')}) SELECT ${select}
      FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) AS u(${ROW_COLUMNS.join(', ')})`;
    const pending = new Set();
    for (const batch of batches(20_000)) {
      const p = admin.unsafe(statement, ROW_COLUMNS.map((_, i) => batch.map((row) => row[i]))).then(() => pending.delete(p));
      pending.add(p);
      if (pending.size >= 3) await Promise.race(pending);
    }
    await Promise.all(pending);
    // The bulk fill bypassed the writer, which appends count deltas: build the counts from the rows.
    await admin.unsafe(`DELETE FROM response_counts; DELETE FROM response_count_deltas;
      INSERT INTO response_counts (site, survey, width, start, channel, score, n) ${countRowsSql('responses', '1')}`);
    await admin.unsafe('VACUUM ANALYZE responses');
    await admin.unsafe('VACUUM ANALYZE response_counts');
    console.log(`\nPostgreSQL: filled ${ROWS.toLocaleString('en')} answers in ${(ms(t0) / 1000).toFixed(1)} s (schema ${schema}, dropped after)`);
    const store = await PostgresStore.open(url, { schema });
    const results = await measure('PostgreSQL', store);
    await store.close();
    return results;
  } finally {
    await admin.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
    await admin.end({ timeout: 5 });
  }
}

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`koe report benchmark: ${ROWS.toLocaleString('en')} answers over ${SPAN_DAYS} days, 3 surveys; up to ${RUNS} runs per query after 3 warm-ups`);
console.log(`Node ${process.version}, ${availableParallelism()} CPUs, load average ${load()} (figures from a busy machine are not comparable)`);
const lite = await sqlite();
const url = process.env.KOE_BENCH_DATABASE_URL ?? process.env.KOE_TEST_DATABASE_URL;
const pg = url ? await postgresRun(url) : null;
if (!pg) console.log('\nPostgreSQL: skipped (set KOE_BENCH_DATABASE_URL or KOE_TEST_DATABASE_URL)');
console.log(`\nSummary (median ms; target ≤ 50 ms on SQLite for summary and the 90-day trend; load average now ${load()}):`);
for (const [name] of QUERIES) {
  const a = lite[name].median.toFixed(1);
  const b = pg ? pg[name].median.toFixed(1) : '–';
  console.log(`  ${name.padEnd(58)} SQLite ${a.padStart(7)}   PostgreSQL ${b.padStart(7)}`);
}
