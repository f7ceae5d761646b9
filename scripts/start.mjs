#!/usr/bin/env node
// `pnpm start`: the collector on http://localhost:8787 with an embedded SQLite file under .koe/, the demo
// config, demo answers on first start, and the three examples served beside the API. The smoke test
// starts the very same server through `startDemo`.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const COLLECTOR = join(ROOT, 'packages/collector/dist');
const EXAMPLES = join(ROOT, 'examples');

/** The demo config's surveys, in the order they are printed. */
export const DEMO_SURVEYS = [
  { id: 'website-nps', kind: 'nps', where: 'website, after a purchase', by: 'touchpoint' },
  { id: 'post-chat-csat', kind: 'csat', where: 'chat, after it ends', by: 'context.agentId' },
  { id: 'support-ces', kind: 'ces', where: 'website, after a support flow', by: 'channel' },
];

/** Thrown for problems a newcomer can fix; `main` prints the message alone, without a stack trace. */
export class StartError extends Error {}

async function importCollector() {
  if (!existsSync(join(COLLECTOR, 'index.js'))) {
    throw new StartError('the collector is not built yet: run `pnpm build` first (or just `pnpm start`, which builds)');
  }
  if (!existsSync(join(ROOT, 'packages/widget/dist/koe.js'))) {
    throw new StartError('the widget is not built yet (packages/widget/dist/koe.js): run `pnpm build` first');
  }
  return import(pathToFileURL(join(COLLECTOR, 'index.js')).href);
}

/** The admin token: the given one, else KOE_ADMIN_TOKEN, else the one kept in `<dataDir>/admin-token`, else a new one kept there. */
function adminTokenFor(dataDir, given) {
  if (given) return { token: given, source: 'option' };
  if (process.env.KOE_ADMIN_TOKEN) return { token: process.env.KOE_ADMIN_TOKEN, source: 'KOE_ADMIN_TOKEN' };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept) return { token: kept, source: file };
  }
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, source: file, created: true };
}

const CONFIG_FILE = join(EXAMPLES, 'demo.config.json');

/** A port the OS says is free right now (for `port: 0`, whose number the config's origins must name). */
function freePort(host) {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * The demo config for a port: the file itself (reloaded when edited) on 8787, which its origins name;
 * on any other port a copy whose demo site also admits that port's origins, so the examples can post.
 */
function demoConfigFor(port) {
  if (port === 8787) return CONFIG_FILE;
  const config = JSON.parse(readFileSync(CONFIG_FILE, 'utf8'));
  for (const site of config.sites) {
    if (site.key !== 'demo') continue;
    site.origins = [...new Set([...(site.origins ?? []), `http://localhost:${port}`, `http://127.0.0.1:${port}`])];
  }
  return config;
}

async function demoAnswerCount(store) {
  let total = 0;
  for (const { id } of DEMO_SURVEYS) {
    const counts = await store.countsByScore({ site: 'demo', survey: id });
    for (const n of Object.values(counts)) total += n;
  }
  return total;
}

/**
 * Starts the demo collector. Options: `port` (default KOE_PORT or 8787; 0 picks a free one), `host`,
 * `dataDir` (default `.koe/`), `adminToken`, `databaseUrl` (default KOE_DATABASE_URL), `seed` (answers
 * to generate when the store has none for the demo site; default 2000, 0 to skip), `logger`.
 */
export async function startDemo(options = {}) {
  const { startServer, seedDemo } = await importCollector();
  const dataDir = resolve(options.dataDir ?? join(ROOT, '.koe'));
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) throw new StartError(`${dataDir} is not a directory`);
  mkdirSync(dataDir, { recursive: true });
  const admin = adminTokenFor(dataDir, options.adminToken);
  const databaseUrl = options.databaseUrl ?? process.env.KOE_DATABASE_URL;
  const db = join(dataDir, 'koe.db');
  const envPort = process.env.KOE_PORT ? Number(process.env.KOE_PORT) : undefined;
  if (envPort !== undefined && !(Number.isInteger(envPort) && envPort >= 0 && envPort < 65536)) {
    throw new StartError(`KOE_PORT must be a port number (0–65535), got "${process.env.KOE_PORT}"`);
  }
  // The npm example is a bundle of the widget's current build: rebuilt on every start (about 0.3 s) so
  // it never serves a stale copy.
  const { buildApp } = await import(pathToFileURL(join(EXAMPLES, 'npm/build.mjs')).href);
  await buildApp({ quiet: true });
  const requested = options.port ?? envPort ?? 8787;
  const port = requested === 0 ? await freePort(options.host) : requested;
  const config = demoConfigFor(port);
  const server = await startServer({
    port,
    ...(options.host ? { host: options.host } : {}),
    ...(databaseUrl ? { databaseUrl } : { db }),
    config,
    adminToken: admin.token,
    staticDirs: { '/examples': EXAMPLES },
    ...(options.logger ? { logger: options.logger } : {}),
  });
  // Seed only a store without demo answers: a second start reuses what is there, a new one gets
  // 90 days of history so the reports show numbers from the first minute.
  let seeded = 0;
  const wanted = options.seed ?? 2000;
  try {
    if (wanted > 0 && (await demoAnswerCount(server.store)) === 0) {
      seeded = await seedDemo(server.store, { site: 'demo', responses: wanted, days: 90, config: server.config() });
    }
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    url: server.url,
    port: server.port,
    server,
    adminToken: admin.token,
    adminTokenSource: admin.source,
    adminTokenCreated: Boolean(admin.created),
    database: databaseUrl ? 'PostgreSQL (KOE_DATABASE_URL)' : db,
    configNote: typeof config === 'string' ? 'examples/demo.config.json (reloaded when edited)' : `examples/demo.config.json + origins of port ${port}`,
    seeded,
    close: () => server.close(),
  };
}

function formatScore(kind, score) {
  if (kind === 'nps') return `${score >= 0 ? '+' : ''}${score.toFixed(1)}`;
  return kind === 'csat' ? `${score.toFixed(1)}%` : `${score.toFixed(2)}/7`;
}

/** One survey's last 30 days as the summary API reports them, with the change from the 30 days before. */
async function summaryLine(demo, survey) {
  const response = await demo.server.app.request(`/v1/reports/summary?site=demo&survey=${survey.id}`, {
    headers: { Authorization: `Bearer ${demo.adminToken}` },
  });
  if (!response.ok) return `(summary unavailable: HTTP ${response.status})`;
  const { n, score, compare, agree } = await response.json();
  if (!n || score === null || score === undefined) return 'no answers yet';
  const label = { nps: 'NPS', csat: 'CSAT', ces: 'CES' }[survey.kind];
  let change = '';
  if (compare) {
    const sign = compare.difference >= 0 ? '+' : '−';
    const unit = survey.kind === 'csat' ? ' pts' : '';
    const digits = survey.kind === 'ces' ? 2 : 1;
    change = `, ${sign}${Math.abs(compare.difference).toFixed(digits)}${unit}${compare.significant ? '' : ' (n.s.)'}`;
  }
  const agreeing = typeof agree === 'number' ? ` (${Math.round(agree)}% agree)` : '';
  return `${label} ${formatScore(survey.kind, score)}${agreeing}${change}, n=${n.toLocaleString('en-US')}`;
}

/** What `pnpm start` prints: where everything is and how to read the numbers back. */
export async function banner(demo) {
  const u = demo.url;
  const shell = (path) => {
    const near = relative(process.cwd(), path);
    return near && !near.startsWith('..') ? near : path;
  };
  const tokenWhere = demo.adminTokenSource === 'KOE_ADMIN_TOKEN' ? 'from KOE_ADMIN_TOKEN' : `kept in ${shell(demo.adminTokenSource)}`;
  const lines = [
    '',
    `  koe is running at ${u}`,
    `  data: ${demo.database.startsWith('/') ? shell(demo.database) : demo.database} · config: ${demo.configNote}`,
    demo.seeded > 0 ? `  first start: added ${demo.seeded.toLocaleString('en-US')} demo answers over the last 90 days` : '',
    '',
    existsSync(join(ROOT, 'packages/dashboard/dist/index.html'))
      ? `  Dashboard (sign in with the admin token below)               ${u}/dashboard/`
      : '  Dashboard: not built (run `pnpm build`), so /dashboard/ is not served',
    '',
    '  Examples',
    `    website (NPS after a purchase, CES after "Where is my order?")  ${u}/examples/website/`,
    `    chat (post-chat CSAT, inline with koe.mount or headless)        ${u}/examples/chat/`,
    `    npm app (typed SDK bundled with esbuild)                        ${u}/examples/npm/`,
    '',
    `  Admin token (${tokenWhere}):`,
    `    ${demo.adminToken}`,
    '',
    '  Reports (last 30 days; change from the 30 days before)',
  ];
  for (const survey of DEMO_SURVEYS) {
    lines.push(`    ${survey.id.padEnd(15)} ${(await summaryLine(demo, survey)).padEnd(46)} ${survey.where}`);
  }
  lines.push('', '  Report URLs (admin token as "Authorization: Bearer <token>")');
  for (const survey of DEMO_SURVEYS) {
    const q = `site=demo&survey=${survey.id}`;
    lines.push(
      `    ${survey.id.padEnd(15)} ${u}/v1/reports/summary?${q}`,
      `    ${''.padEnd(15)} ${u}/v1/reports/trend?${q}&interval=week&tz=Asia/Tokyo`,
      `    ${''.padEnd(15)} ${u}/v1/reports/breakdown?${q}&by=${survey.by}`,
    );
  }
  const auth = `-H "Authorization: Bearer ${demo.adminToken}"`;
  lines.push(
    '',
    '  Try',
    `    curl ${auth} "${u}/v1/reports/summary?site=demo&survey=website-nps"`,
    `    curl ${auth} "${u}/v1/reports/breakdown?site=demo&survey=post-chat-csat&by=context.agentId"`,
    `    curl ${auth} "${u}/v1/responses?site=demo&survey=website-nps&format=csv" -o website-nps.csv`,
    `    curl ${auth} "${u}/v1/comments?site=demo&survey=website-nps&category=detractor&limit=5"   (what detractors wrote)`,
    `    curl ${auth} "${u}/v1/cases?site=demo&status=open&limit=5"   (follow-up cases of unhappy answers)`,
    `    curl ${auth} "${u}/v1/sites"   (every site and survey)`,
    '',
    `  API reference: ${u}/openapi.json · all examples: ${u}/examples/ · stop with Ctrl+C`,
    '',
  );
  return lines.filter((line, i) => line !== '' || lines[i - 1] !== '').join('\n');
}

async function main() {
  let demo;
  try {
    demo = await startDemo({
      ...(process.env.KOE_DATA_DIR ? { dataDir: process.env.KOE_DATA_DIR } : {}),
      ...(process.env.KOE_HOST ? { host: process.env.KOE_HOST } : {}),
    });
  } catch (error) {
    // Port in use, missing build, bad config: one line an operator can act on, no stack trace.
    const known = error instanceof StartError || ['ListenError', 'ConfigError'].includes(error?.name);
    const detail = process.env.KOE_DEBUG ? `\n${error?.stack ?? ''}` : known ? '' : ' (KOE_DEBUG=1 shows the stack trace)';
    // `pnpm start` takes no arguments: name the variable that moves it to another port.
    const message = String(error?.message ?? error).replace('(--port or KOE_PORT)', '(for example KOE_PORT=8788 pnpm start)');
    console.error(`koe: ${message}${detail}`);
    process.exit(1);
  }
  console.log(await banner(demo));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('koe: stopping…');
    await demo.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
