import { defineConfig } from 'vitest/config';

/**
 * Three tiers (ENGINEERING.md §11): pure unit tests, database tests that run
 * against both PostgreSQL engines (see test/setup/databases.ts), and
 * end-to-end tests in Chromium (test/e2e).
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    globalSetup: ['test/setup/databases.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores on CI: more workers only contend for the same PostgreSQL servers.
    maxWorkers: 2,
    // Test files share their worker's module cache: most import the whole app, and importing it
    // again for each of ~100 files was a third of the suite's CPU (14 API files: 74 → 49 s of CPU).
    // Every file builds its own app, database and server; nothing is kept in a module between files
    // but caches keyed by what they cache (a data version, a database).
    isolate: false,
    // it.concurrent tests of one file in flight at once (the browser tier's page checks).
    maxConcurrency: 3,
  },
});
