import { defineProject } from 'vitest/config';
import { workspaceAlias } from '../../vitest.shared.js';

export default defineProject({
  resolve: { alias: workspaceAlias },
  // The browser smoke test starts the real demo server and drives Chromium: generous timeouts, one file at a time.
  test: { name: 'smoke', environment: 'node', include: ['*.test.ts'], testTimeout: 60_000, hookTimeout: 90_000, fileParallelism: false },
});
