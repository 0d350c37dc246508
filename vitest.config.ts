import { defineConfig } from 'vitest/config';

// Real sockets and real servers everywhere: generous timeouts, no fake timers, and test files in separate
// processes so a leaked handle in one file cannot hold up another.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
