import { defineProject } from 'vitest/config';
import { workspaceAlias } from '../../vitest.shared.js';

// Real Chromium against a real collector serving the BUILT dist/ (`pnpm test` builds first).
export default defineProject({
  resolve: { alias: workspaceAlias },
  test: {
    name: 'dashboard-e2e',
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
