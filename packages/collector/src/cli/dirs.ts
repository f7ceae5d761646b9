import { statSync } from 'node:fs';
import type { Logger } from '../logger.js';

/**
 * Warns, naming the resolved path, about each directory option (`{ '--static /examples': '/abs/dir' }`) that
 * names no directory: it would serve 404s without a word, as when a relative path was meant for another
 * working directory. Not an error: a build may create the directory later, and it is picked up then.
 */
export function warnAboutMissingDirs(dirs: Readonly<Record<string, string>>, logger: Logger): void {
  for (const [option, dir] of Object.entries(dirs)) {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) logger.warn(`${option}: ${dir} is not a directory, so nothing is served from it yet`);
  }
}
