export type {
  CaseCursor,
  CaseFilter,
  CasePage,
  Dimension,
  DueCase,
  NotificationOutcome,
  DimensionCounts,
  InsertResult,
  PeriodCounts,
  ResponseFilter,
  Store,
  StoredResponse,
  TrendOptions,
} from './store.js';
export { SqliteStore } from './sqlite-store.js';
export type { SqliteStoreOptions } from './sqlite-store.js';
export { PostgresStore } from './postgres-store.js';
export type { PostgresStoreOptions } from './postgres-store.js';
export { connectStore, isPostgresUrl } from './connect-store.js';
export type { ConnectStoreOptions } from './connect-store.js';
export { periodBuckets } from './periods.js';
export type { PeriodBucket } from './periods.js';
export { parseDimension } from './report-plan.js';
