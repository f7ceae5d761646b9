import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { KoeConfig, KoeConfigInput } from '@koe/core';
import { createApp } from './app.js';
import { startNotifier } from './cases/notifier.js';
import { parseConfig } from './config/load.js';
import { configNotes } from './config/notes.js';
import { siteIndexOf } from './config/sites.js';
import { watchConfig, type ConfigHolder } from './config/watch.js';
import { consoleLogger, type Logger } from './logger.js';
import { openStore } from './open-store.js';
import type { Store } from './store/store.js';

/** Options of `startServer`; each has the CLI's default. */
export interface ServerOptions {
  /** TCP port (default 8787); 0 picks a free one (read it back from `port` or `url`). */
  port?: number;
  /** Interface to listen on (default `0.0.0.0`: every IPv4 interface). */
  host?: string;
  /** A store to use; the caller keeps ownership and closes it. Otherwise one is opened from `databaseUrl` or `db`. */
  store?: Store;
  /** SQLite file to open when neither `store` nor `databaseUrl` is given (default `./koe.db`). */
  db?: string;
  /** How much of that file report reads map into memory, in bytes (default 1 GiB; 0 turns mapping off). */
  sqliteMmapBytes?: number;
  /** PostgreSQL URL (`postgres://…`); takes precedence over `db`. */
  databaseUrl?: string;
  /** A config file path (reloaded when edited) or a configuration object (default `./koe.config.json`). */
  config?: string | KoeConfigInput;
  /** With a config path: start with no sites while the file does not exist (it is picked up once created). */
  allowMissingConfig?: boolean;
  /** Bearer token of the admin routes; without one they answer 401. */
  adminToken?: string;
  /** A read-only bearer token: reports, comments, exports and cases, no changes. */
  viewerToken?: string;
  /** Trust `X-Forwarded-For` from this many proxies (`true` = 1). */
  trustProxy?: boolean | number;
  /** Requests per minute per IP and site when a site sets none (default 120; 0: no limit). */
  rateLimitPerMinute?: number;
  /** The widget's build output; default: the workspace's `packages/widget/dist` when present; `false`: none. */
  widgetDir?: string | false;
  /** The dashboard's build output; default: the workspace's `packages/dashboard/dist` when present; `false`: none. */
  dashboardDir?: string | false;
  /** Extra directories to serve, by URL prefix (`{ '/examples': '/abs/path/examples' }`). */
  staticDirs?: Readonly<Record<string, string>>;
  /** How long a client may take to send one request, headers and body, before it gets 408 (default 30,000 ms). */
  requestTimeoutMs?: number;
  logger?: Logger;
  /** How often to look for follow-up cases to announce by webhook, in ms (default 5000). */
  notifyIntervalMs?: number;
  clock?: () => Date;
}

/** A listening collector. */
export interface RunningServer {
  /** Base URL, e.g. `http://localhost:8787`. */
  url: string;
  port: number;
  app: Hono;
  store: Store;
  /** The configuration in force (the last valid version of the file). */
  config(): KoeConfig;
  /** Re-reads the config file now (`koe serve` does on SIGHUP); false when it did not validate, or for a config object. */
  reloadConfig(): boolean;
  /** Stops accepting connections, lets in-flight requests finish, then closes the store if it opened it. */
  close(): Promise<void>;
}

/** Raised when the server cannot listen; `message` is one line fit for an operator. */
export class ListenError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
    this.name = 'ListenError';
  }
}

/** The widget build inside this workspace (packages/widget/dist), found by path to avoid a package cycle. */
export function defaultWidgetDir(): string | undefined {
  const dir = fileURLToPath(new URL('../../widget/dist/', import.meta.url));
  return existsSync(dir) ? dir : undefined;
}

/** The dashboard build inside this workspace (packages/dashboard/dist), found by path like the widget's. */
export function defaultDashboardDir(): string | undefined {
  const dir = fileURLToPath(new URL('../../dashboard/dist/', import.meta.url));
  return existsSync(dir) ? dir : undefined;
}

/** Opens the store and config, starts the HTTP server, and resolves once it listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? consoleLogger;
  const holder: ConfigHolder | undefined =
    typeof options.config === 'object'
      ? undefined
      : watchConfig(options.config ?? './koe.config.json', { logger, allowMissing: options.allowMissingConfig ?? false });
  const fixed = typeof options.config === 'object' ? parseConfig(options.config) : undefined;
  if (fixed) configNotes(fixed).forEach((line) => logger.warn(line));
  const config = () => holder?.current ?? fixed!;
  // Node's defaults let a client trickle a body for 300 s, holding its connection; an answer is at most 64 KB.
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const server = createServer({
    requestTimeout,
    headersTimeout: Math.min(requestTimeout, 20_000),
    // How often Node looks for requests past those limits (30 s by default).
    connectionsCheckingInterval: Math.max(50, Math.min(requestTimeout / 3, 5_000)),
  });
  // The port is taken before the store is opened, so a start that cannot listen creates no database
  // file; until the store is open (migrations may take seconds), requests get 503 and retry.
  server.on('request', starting);
  const host = options.host ?? '0.0.0.0';
  const requested = options.port ?? 8787;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(requested, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    holder?.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new ListenError(`port ${requested} is already in use on ${host}: stop the other server or choose another port (--port or KOE_PORT)`, code);
    if (code === 'EACCES') throw new ListenError(`no permission to listen on port ${requested} (ports below 1024 need privileges): choose another with --port or KOE_PORT`, code);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new ListenError(`cannot listen on host ${host}: no such local address (--host)`, code);
    throw new ListenError(`cannot listen on ${host}:${requested}: ${(error as Error).message}`, code);
  }
  const ownsStore = options.store === undefined;
  let store: Store;
  try {
    store = options.store ?? (await openStore({
      databaseUrl: options.databaseUrl,
      db: options.db ?? './koe.db',
      ...(options.sqliteMmapBytes !== undefined ? { sqlite: { mmapBytes: options.sqliteMmapBytes } } : {}),
    }));
  } catch (error) {
    holder?.close();
    await stopListening(server);
    throw error;
  }
  const widgetDir = options.widgetDir === false ? undefined : (options.widgetDir ?? defaultWidgetDir());
  const dashboardDir = options.dashboardDir === false ? undefined : (options.dashboardDir ?? defaultDashboardDir());
  const app = createApp({
    store,
    config,
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
    ...(options.viewerToken ? { viewerToken: options.viewerToken } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    ...(options.rateLimitPerMinute !== undefined ? { rateLimitPerMinute: options.rateLimitPerMinute } : {}),
    ...(widgetDir ? { widgetDir } : {}),
    ...(dashboardDir ? { dashboardDir } : {}),
    ...(options.staticDirs ? { staticDirs: options.staticDirs } : {}),
  });
  // Announces new follow-up cases to their surveys' webhooks (see cases/notifier.ts).
  const notifier = startNotifier({
    store,
    sites: siteIndexOf(config),
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.notifyIntervalMs !== undefined ? { intervalMs: options.notifyIntervalMs } : {}),
  });
  server.off('request', starting);
  server.on('request', getRequestListener(app.fetch));
  const port = (server.address() as AddressInfo).port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${port}`,
    port,
    app,
    store,
    config,
    reloadConfig: () => holder?.reload() ?? false,
    close() {
      closing ??= (async () => {
        await stopListening(server);
        await notifier.close();
        holder?.close();
        if (ownsStore) await store.close();
      })();
      return closing;
    },
  };
}

/** Stops accepting connections and waits for in-flight requests; idle keep-alive sockets are closed as they free up. */
function stopListening(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** The answer while the store opens: 503 with Retry-After, which the widget and servers retry. */
function starting(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify({ error: { code: 'unavailable', message: 'The collector is starting; retry in a second' } }));
}
