import { defineConfig } from 'vitest/config';

// Real sockets and real servers everywhere: no fake timers, and test files in separate processes so a leaked
// handle in one file cannot hold up another. Tests wait for the events they expect; these timeouts only stop a
// hang, and are generous because the suite runs on a shared, often busy machine (a test that starts igcord or
// a child process can take tens of seconds there while being correct).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
