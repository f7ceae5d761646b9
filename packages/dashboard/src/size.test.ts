// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

// A budget over the BUILT files (`pnpm test` builds first): the dashboard is not on customers' pages, but
// a team opens it on phones too, and zod (90 KB) or a chart library must never slip in unnoticed.
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const gzip = (name: string) => {
  if (!existsSync(dist + name)) throw new Error(`dist/${name} is missing: run \`pnpm build\` first`);
  return gzipSync(readFileSync(dist + name), { level: 9 }).length;
};

it('dist/dashboard.js and dashboard.css are at most 24 KB gzip together, with no zod inside', () => {
  const js = gzip('dashboard.js');
  const css = gzip('dashboard.css');
  console.log(`dashboard: ${js + css} B gzip (budget 24,576) = dashboard.js ${js} + dashboard.css ${css}`);
  expect(js + css).toBeLessThanOrEqual(24_576);
  expect(readFileSync(dist + 'dashboard.js', 'utf8')).not.toMatch(/ZodError|\$ZodType|_zod/);
});
