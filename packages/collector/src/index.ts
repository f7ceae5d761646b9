export { createApp, DEFAULT_RATE_LIMIT } from './app.js';
export type { AppOptions } from './app.js';
export type { ConfigSource } from './config/sites.js';
export { ConfigError, loadConfig, parseConfig } from './config/load.js';
export { watchConfig } from './config/watch.js';
export type { ConfigHolder, WatchConfigOptions } from './config/watch.js';
export { ApiError } from './http/errors.js';
export type { ErrorBody, ErrorCode } from './http/errors.js';
export { MAX_BODY_BYTES } from './routes/ingest.js';
export { csvCell, csvRow, csvWriter, CSV_COLUMNS } from './export/csv.js';
export type { CsvOptions, CsvWriter } from './export/csv.js';
export { openApiDocument } from './openapi.js';
export { consoleLogger, silentLogger } from './logger.js';
export type { Logger } from './logger.js';
export { defaultDashboardDir, defaultWidgetDir, ListenError, startServer } from './server.js';
export type { RunningServer, ServerOptions } from './server.js';
export { openStore } from './open-store.js';
export type { OpenStoreOptions } from './open-store.js';
export { VERSION } from './version.js';
export { connectStore, isPostgresUrl, PostgresStore, SqliteStore } from './store/index.js';
export type {
  CaseCursor,
  CaseFilter,
  CasePage,
  ConnectStoreOptions,
  DueCase,
  NotificationOutcome,
  Dimension,
  DimensionCounts,
  InsertResult,
  PeriodCounts,
  PostgresStoreOptions,
  ResponseFilter,
  SqliteStoreOptions,
  Store,
  StoredResponse,
  TrendOptions,
} from './store/index.js';
export { MAX_ATTEMPTS, retryDelayMs, startNotifier } from './cases/notifier.js';
export type { Notifier, NotifierOptions } from './cases/notifier.js';
export { caseText } from './cases/case-text.js';
export { seedDemo } from './seed/demo.js';
export type { SeedDemoOptions } from './seed/demo.js';
