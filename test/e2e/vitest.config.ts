// npm run test:e2e: the browser journeys in Microsoft 365 Agents Playground (kept out of `npm test`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    // One browser and one Playground at a time; each step is bounded, and so is the whole run.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    env: { TZ: 'UTC' },
  },
});
