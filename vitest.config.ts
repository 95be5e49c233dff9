import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/support/slow-first-sequencer.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores on CI machines: more workers only add PGlite start-up contention.
    maxWorkers: 2,
    fileParallelism: true,
    // Slow kinds of test first when there are no cached durations, so both workers finish together.
    sequence: { sequencer: SlowFirstSequencer },
  },
});
