import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/support/slow-first-sequencer.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores on CI machines: more workers only add PGlite start-up contention.
    maxWorkers: 2,
    fileParallelism: true,
    // Slow kinds of test first when there are no cached durations, so both workers finish together.
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        // Tests next to the sources are pure (no store, no server, no process, no mocks, no environment): one
        // worker runs file after file instead of a fresh process per file (~0.3-1.6 s of start-up each), and
        // they need none of the global setup's store templates. A test that needs a store belongs in test/.
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'store',
          include: ['test/**/*.test.ts', 'e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
