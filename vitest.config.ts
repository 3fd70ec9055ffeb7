import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // dawn.node crashes in worker threads ("Cannot create a handle without a HandleScope"):
    // run every test file in a forked process (shared/NOTES.md).
    pool: 'forks',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
