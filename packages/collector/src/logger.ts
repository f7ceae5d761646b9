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
