import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: each worker opens its own PGlite; more workers only contend.
    maxWorkers: 2,
    env: { TZ: 'UTC', LOG_LEVEL: 'silent' },
  },
});
