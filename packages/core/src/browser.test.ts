import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

// Follows relative imports from browser.ts and fails if any module on the way imports zod.
function modulesReachedFrom(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*from\s+'([^']+)'/gm)) {
    const spec = match[1]!;
    if (!spec.startsWith('.')) {
      seen.add(spec);
      continue;
    }
    modulesReachedFrom(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), seen);
  }
  return seen;
}

describe('@koe/core/browser', () => {
  it('reaches no module that imports zod', () => {
    const reached = [...modulesReachedFrom(join(here, 'browser.ts'))];
    expect(reached.filter((m) => !m.startsWith('/'))).toEqual([]);
    expect(reached.length).toBeGreaterThan(5);
  });
  it('exports the same scale functions as the main entry', async () => {
    const browser = await import('./browser.js');
    const main = await import('./index.js');
    expect(browser.categorize).toBe(main.categorize);
    expect(browser.localizeSurvey).toBe(main.localizeSurvey);
    expect(readdirSync(here)).toContain('scale-table.ts');
  });
});
