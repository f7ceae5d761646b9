import { readFileSync } from 'node:fs';
import { KoeConfig, toIssues, type Issue } from '@koe/core';

/** A configuration file that cannot be used; `message` names the file and the bad field's path. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Validates a configuration object (applying defaults); throws a ConfigError naming each bad field. */
export function parseConfig(input: unknown, file = '(config)'): KoeConfig {
  const result = KoeConfig.safeParse(input);
  if (result.success) return result.data;
  const issues = toIssues(result.error);
  const lines = issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`);
  throw new ConfigError(file, `${file} is invalid:\n${lines.join('\n')}`, issues);
}

/** Reads and validates a koe.config.json file; throws a ConfigError naming the file and each bad field. */
export function loadConfig(file: string): KoeConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(file, code === 'ENOENT' ? `${file} does not exist` : `${file} cannot be read (${code ?? String(error)})`);
  }
  let json: unknown;
  try {
    // A BOM (some Windows editors write one) is not JSON; drop it rather than reject the file.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(file, `${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseConfig(json, file);
}
