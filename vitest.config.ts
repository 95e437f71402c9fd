import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // decides once whether the tests that need chromium run (one line when they are skipped)
    globalSetup: ['test/support/rendering-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
