import { fileURLToPath } from 'node:url';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests run against the packages' TypeScript sources, so `pnpm test` never depends on a stale dist/
// of another package (the widget's browser tests are the exception: they load its built files on purpose).
export const workspaceAlias = {
  '@koe/core/browser': source('./packages/core/src/browser.ts'),
  '@koe/core': source('./packages/core/src/index.ts'),
  '@koe/collector': source('./packages/collector/src/index.ts'),
};
