// Types of scripts/start.mjs for the TypeScript that imports it (the smoke test).
import type { Logger, RunningServer } from '@koe/collector';

/** The demo config's surveys, in the order `pnpm start` prints them. */
export declare const DEMO_SURVEYS: readonly { id: string; kind: 'nps' | 'csat' | 'ces'; where: string; by: string }[];

/** A problem a newcomer can fix (missing build, bad KOE_PORT); printed without a stack trace. */
export declare class StartError extends Error {}

/** Options of `startDemo`. */
export interface StartDemoOptions {
  /** Default KOE_PORT or 8787; 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where the SQLite file and the admin token live; default `.koe/` at the repository root. */
  dataDir?: string;
  /** Default KOE_ADMIN_TOKEN, else the token kept in `<dataDir>/admin-token`, else a new one kept there. */
  adminToken?: string;
  /** Default KOE_DATABASE_URL; without one, `<dataDir>/koe.db`. */
  databaseUrl?: string;
  /** Demo answers to generate when the store has none for the demo site; default 2000, 0 to skip. */
  seed?: number;
  logger?: Logger;
}

/** The running demo. */
export interface RunningDemo {
  url: string;
  port: number;
  server: RunningServer;
  adminToken: string;
  adminTokenSource: string;
  adminTokenCreated: boolean;
  database: string;
  configNote: string;
  /** Demo answers added by this start (0 when the store already had them). */
  seeded: number;
  close(): Promise<void>;
}

/** Starts the collector `pnpm start` runs: demo config, SQLite under `.koe/`, examples at /examples/…, demo data on first start. */
export declare function startDemo(options?: StartDemoOptions): Promise<RunningDemo>;

/** What `pnpm start` prints. */
export declare function banner(demo: RunningDemo): Promise<string>;
