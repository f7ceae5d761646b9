import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { KoeConfig } from '@koe/core';
import { ConfigError, loadConfig } from './load.js';
import { configNotes } from './notes.js';
import type { Logger } from '../logger.js';

/** A configuration that follows its file: `current` is always the last valid version. */
export interface ConfigHolder {
  /** The last valid configuration. */
  readonly current: KoeConfig;
  /** Re-reads the file now; returns whether the new version was valid (else the old one stays). */
  reload(): boolean;
  /** Stops watching the file. */
  close(): void;
}

/** Options of `watchConfig`. */
export interface WatchConfigOptions {
  logger?: Logger;
  /** Starts with no sites, instead of failing, while the file does not exist yet. */
  allowMissing?: boolean;
  /** Called after each valid reload. */
  onReload?(config: KoeConfig): void;
  /** Milliseconds to wait for an editor to finish writing before reading (default 50). */
  debounceMs?: number;
}

/**
 * Loads a config file and reloads it whenever it changes. A bad file at start throws a ConfigError; a bad edit
 * keeps the last good configuration and logs why, naming the field's path.
 */
export function watchConfig(file: string, options: WatchConfigOptions = {}): ConfigHolder {
  const path = resolve(file);
  const missingOk = options.allowMissing === true && !existsSync(path);
  let current: KoeConfig = missingOk ? { sites: [] } : loadConfig(file);
  const note = (config: KoeConfig) => configNotes(config).forEach((line) => options.logger?.warn(line));
  note(current);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  let gone = false;

  const reload = (): boolean => {
    try {
      current = loadConfig(file);
      options.logger?.info(`config: reloaded ${file} (${current.sites.length} site${current.sites.length === 1 ? '' : 's'})`);
      note(current);
      options.onReload?.(current);
      return true;
    } catch (error) {
      const message = error instanceof ConfigError ? error.message : String(error);
      options.logger?.warn(`config: kept the last good configuration: ${message}`);
      return false;
    }
  };

  // Watch the directory, not the file: editors often save by writing a new file and renaming it over the
  // old one, which would leave a file watcher attached to a deleted inode.
  try {
    watcher = watch(dirname(path), (_event, name) => {
      if (name !== null && name !== basename(path)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (existsSync(path)) {
          gone = false;
          reload();
        } else if (!gone) {
          // Once per disappearance: an operator who deleted it by mistake learns that nothing changed yet.
          gone = true;
          options.logger?.warn(`config: ${file} was removed; keeping the last good configuration until it is back`);
        }
      }, options.debounceMs ?? 50);
    });
    watcher.on('error', (error) => options.logger?.warn(`config: stopped watching ${file}: ${error.message}`));
  } catch (error) {
    options.logger?.warn(`config: cannot watch ${file} for changes: ${(error as Error).message}`);
  }

  return {
    get current() {
      return current;
    },
    reload,
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
