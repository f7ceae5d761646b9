import type { Logger } from '../logger.js';
import type { RunningServer } from '../server.js';

/**
 * Resolves once SIGTERM or SIGINT has drained the server (no new connections, in-flight requests answered,
 * store closed); a second one exits at once. SIGHUP re-reads the config file instead of ending the process.
 */
export function runUntilStopped(server: RunningServer, logger: Logger, configFile: string): Promise<void> {
  // Node ends on SIGHUP by default and restores that default even under `nohup`, so a closed terminal or a
  // `kill -HUP` meant as "reload" stopped the collector without draining. Daemons take it to mean reload.
  process.on('SIGHUP', () => {
    logger.info(`SIGHUP: re-reading ${configFile}`);
    // The reload logs its outcome, as an edit's does: the new site count, or why the last good config stays.
    server.reloadConfig();
  });
  return new Promise<void>((done) => {
    const stop = (signal: NodeJS.Signals) => {
      logger.info(`${signal}: finishing in-flight requests, then closing the store`);
      // A second signal means "now": exit without waiting.
      process.once(signal, () => process.exit(1));
      server.close().then(done, (error: unknown) => {
        logger.error(`shutdown: ${(error as Error).message}`);
        process.exit(1);
      });
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
