import { defineConfig } from 'vitest/config';

/**
 * Three tiers (ENGINEERING.md §11): pure unit tests, database tests that run
 * against both PostgreSQL engines, and end-to-end tests in Chromium.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
