/** Where the collector writes what operators should know: one line per message. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Logs to stderr (info to stdout), one line per message with a level prefix. */
export const consoleLogger: Logger = {
  info: (message) => process.stdout.write(`${message}\n`),
  warn: (message) => process.stderr.write(`warning: ${message}\n`),
  error: (message) => process.stderr.write(`error: ${message}\n`),
};

/** Discards everything (tests, embedding). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * A log line that repeats at most once per `intervalMs`: a store that refuses every write (a database
 * away, a schema migrated by a newer koe) would otherwise log once per request. The next line says how
 * many were left out.
 */
export function throttled(write: (message: string) => void, intervalMs: number, now: () => number = Date.now): (message: string) => void {
  let last = -Infinity;
  let skipped = 0;
  return (message) => {
    const at = now();
    if (at - last < intervalMs) {
      skipped += 1;
      return;
    }
    write(skipped > 0 ? `${message} (and ${skipped} more like it since the last such line)` : message);
    last = at;
    skipped = 0;
  };
}
