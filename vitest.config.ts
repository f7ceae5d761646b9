import { defineConfig } from 'vitest/config';

// One root config with a project per package (plus the widget's browser specs and the examples' smoke
// test as projects of their own), so `pnpm test` runs everything and prints one total.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'packages/*/vitest.e2e.config.ts', 'examples/*/vitest.config.ts'],
  },
});
