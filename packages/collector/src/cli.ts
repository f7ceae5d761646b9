#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { warnAboutMissingDirs } from './cli/dirs.js';
import { HELP } from './cli/help.js';
import { runUntilStopped } from './cli/signals.js';
import { ConfigError, loadConfig } from './config/load.js';
import { consoleLogger } from './logger.js';
import { openStore } from './open-store.js';
import { isPostgresUrl } from './store/index.js';
import { ListenError, startServer } from './server.js';
import { VERSION } from './version.js';

/** A mistake in how the command was called: printed with a pointer to --help, exit code 2. */
class UsageError extends Error {}

const env = process.env;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === 'serve') return serve(rest);
  if (command === 'seed') return seed(rest);
  throw new UsageError(`unknown command "${command}"`);
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
type OptionValues = Record<string, string | boolean | string[] | undefined>;

function options(args: string[], spec: OptionSpec): OptionValues {
  try {
    return parseArgs({ args, options: { ...spec, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }).values as OptionValues;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  return n;
}

function trustProxyOf(value: string | boolean | undefined, name: string): number | undefined {
  if (value === undefined || value === false || value === '' || value === '0' || value === 'false') return undefined;
  if (value === true || value === 'true') return 1;
  return integer(name, value, 1, 10);
}

/** Where the store is: flags beat the environment, and an explicit `--db` beats KOE_DATABASE_URL. */
function storeLocation(urlFlag: string | undefined, dbFlag: string | undefined): { databaseUrl: string | undefined; db: string } {
  const databaseUrl = urlFlag ?? (dbFlag === undefined ? env.KOE_DATABASE_URL || undefined : undefined);
  return { databaseUrl, db: dbFlag ?? env.KOE_DB ?? './koe.db' };
}

async function serve(args: string[]): Promise<number> {
  // --trust-proxy takes an optional hop count: "--trust-proxy" alone means one proxy.
  const normalized = args.flatMap((arg, i) => (arg === '--trust-proxy' && (args[i + 1] === undefined || args[i + 1]!.startsWith('-')) ? ['--trust-proxy=1'] : [arg]));
  const values = options(normalized, {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    'database-url': { type: 'string' },
    config: { type: 'string' },
    'admin-token': { type: 'string' },
    'viewer-token': { type: 'string' },
    'trust-proxy': { type: 'string' },
    'rate-limit': { type: 'string' },
    'widget-dir': { type: 'string' },
    'dashboard-dir': { type: 'string' },
    'no-dashboard': { type: 'boolean' },
    'sqlite-mmap': { type: 'string' },
    static: { type: 'string', multiple: true },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const str = (name: string) => values[name] as string | undefined;
  const configPath = str('config') ?? env.KOE_CONFIG;
  // Paths are resolved here, against the working directory, so every message names the file it means.
  const configFile = resolve(configPath ?? './koe.config.json');
  const staticDirs: Record<string, string> = {};
  for (const entry of (values.static as string[] | undefined) ?? []) {
    const at = entry.indexOf('=');
    const prefix = entry.slice(0, at);
    const dir = entry.slice(at + 1);
    if (at <= 0 || !dir) throw new UsageError(`--static takes prefix=dir, got "${entry}"`);
    staticDirs[prefix] = resolve(dir);
  }
  const adminToken = str('admin-token') ?? env.KOE_ADMIN_TOKEN;
  // As site secrets: 10 guesses a minute per address (auth.ts) still add up over many addresses and days.
  if (adminToken && adminToken.length < 16) throw new UsageError('the admin token must be at least 16 characters (KOE_ADMIN_TOKEN or --admin-token)');
  const viewerToken = str('viewer-token') ?? env.KOE_VIEWER_TOKEN;
  if (viewerToken && viewerToken.length < 16) throw new UsageError('the viewer token must be at least 16 characters (KOE_VIEWER_TOKEN or --viewer-token)');
  // The same string for both would make every viewer an admin.
  if (viewerToken && viewerToken === adminToken) throw new UsageError('the viewer token must differ from the admin token');
  // An error names where the bad value came from: the flag, or the environment variable behind it.
  const source = (flag: string, variable: string) => (str(flag) === undefined ? variable : `--${flag}`);
  const trustProxy = trustProxyOf(str('trust-proxy') ?? env.KOE_TRUST_PROXY, source('trust-proxy', 'KOE_TRUST_PROXY'));
  const rateLimit = integer(source('rate-limit', 'KOE_RATE_LIMIT'), str('rate-limit') ?? env.KOE_RATE_LIMIT, 0, 1_000_000);
  const pathOf = (value: string | undefined) => (value ? resolve(value) : undefined);
  const widgetDir = pathOf(str('widget-dir') ?? env.KOE_WIDGET_DIR);
  const dashboardDir = values['no-dashboard'] ? undefined : pathOf(str('dashboard-dir') ?? env.KOE_DASHBOARD_DIR);
  if (values['no-dashboard'] && str('dashboard-dir') !== undefined) throw new UsageError('--no-dashboard and --dashboard-dir contradict each other: give one');
  const mmapMiB = integer(source('sqlite-mmap', 'KOE_SQLITE_MMAP'), str('sqlite-mmap') ?? env.KOE_SQLITE_MMAP, 0, 1_048_576);
  const { databaseUrl, db } = storeLocation(str('database-url'), str('db'));
  const dirs: Record<string, string> = Object.fromEntries(Object.entries(staticDirs).map(([prefix, dir]) => [`--static ${prefix}`, dir]));
  if (widgetDir) dirs[source('widget-dir', 'KOE_WIDGET_DIR')] = widgetDir;
  if (dashboardDir) dirs[source('dashboard-dir', 'KOE_DASHBOARD_DIR')] = dashboardDir;

  const server = await startServer({
    port: integer(source('port', 'KOE_PORT'), str('port') ?? env.KOE_PORT, 0, 65_535) ?? 8787,
    host: str('host') ?? env.KOE_HOST ?? '0.0.0.0',
    db,
    config: configFile,
    allowMissingConfig: configPath === undefined,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(adminToken ? { adminToken } : {}),
    ...(viewerToken ? { viewerToken } : {}),
    ...(trustProxy !== undefined ? { trustProxy } : {}),
    ...(rateLimit !== undefined ? { rateLimitPerMinute: rateLimit } : {}),
    ...(widgetDir ? { widgetDir } : {}),
    ...(values['no-dashboard'] ? { dashboardDir: false as const } : dashboardDir ? { dashboardDir } : {}),
    ...(mmapMiB !== undefined ? { sqliteMmapBytes: mmapMiB * 1024 * 1024 } : {}),
    ...(Object.keys(staticDirs).length > 0 ? { staticDirs } : {}),
  });
  const sites = server.config().sites.length;
  const store = databaseUrl || isPostgresUrl(db) ? 'PostgreSQL' : `SQLite ${resolve(db)}`;
  consoleLogger.info(`koe ${VERSION}: ${store}, config ${configFile} (${sites} site${sites === 1 ? '' : 's'})`);
  if (sites === 0) consoleLogger.warn(`no sites configured: create ${configFile} (it is picked up without a restart)`);
  warnAboutMissingDirs(dirs, consoleLogger);
  if (!adminToken) consoleLogger.warn('no admin token: the report API answers 401 (set KOE_ADMIN_TOKEN)');
  // Tests and scripts read the URL from this exact line.
  consoleLogger.info(`koe listening on ${server.url}`);

  await runUntilStopped(server, consoleLogger, configFile);
  consoleLogger.info('koe stopped');
  return 0;
}

async function seed(args: string[]): Promise<number> {
  const values = options(args, {
    demo: { type: 'boolean' },
    responses: { type: 'string' },
    days: { type: 'string' },
    site: { type: 'string' },
    db: { type: 'string' },
    'database-url': { type: 'string' },
    config: { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!values.demo) throw new UsageError('koe seed needs --demo (the only generator so far)');
  const str = (name: string) => values[name] as string | undefined;
  const responses = integer('--responses', str('responses'), 0, 10_000_000) ?? 2000;
  const days = integer('--days', str('days'), 1, 3650) ?? 90;
  const site = str('site') ?? 'demo';
  const { databaseUrl, db } = storeLocation(str('database-url'), str('db'));
  const { seedDemo } = await import('./seed/demo.js');
  const configPath = str('config') ?? process.env.KOE_CONFIG;
  const config = configPath === undefined ? undefined : loadConfig(resolve(configPath));
  const store = await openStore({ databaseUrl, db });
  try {
    const started = Date.now();
    const added = await seedDemo(store, { site, responses, days, ...(config ? { config } : {}) });
    const skipped = responses - added;
    consoleLogger.info(
      `seeded ${added} demo answers into site "${site}" of ${databaseUrl || isPostgresUrl(db) ? 'PostgreSQL' : resolve(db)} over ${days} days in ${Date.now() - started} ms${skipped > 0 ? ` (${skipped} already there)` : ''}`,
    );
  } finally {
    await store.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Operators get one line, never a stack trace, for every failure they can fix themselves.
    if (error instanceof UsageError) {
      process.stderr.write(`koe: ${error.message}\nRun "koe --help" for usage.\n`);
      process.exit(2);
    }
    if (error instanceof ConfigError || error instanceof ListenError) {
      process.stderr.write(`koe: ${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`koe: ${error instanceof Error ? error.message : String(error)}\n`);
    if (env.KOE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
