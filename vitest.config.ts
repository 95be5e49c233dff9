import { readdirSync, readFileSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/support/slow-first-sequencer.ts';

/*
 * Test files in these directories that run entirely inside the test process share their worker with the next
 * file (isolate: false): a fresh worker per file costs a process start and loading the sources again, about
 * 1.7 s of CPU per file (test/commissions and test/coaching: 3.9 s -> 2.2 s per file). Only directories whose
 * files were run that way and passed are listed; add one after running it with `--project store-shared`.
 */
const SHARED_WORKER_DIRS = [
  'test/coaching/',
  'test/commissions/',
  'test/forecast/',
  'test/import/',
  'test/routing/',
  'test/scoring/',
  'test/goal',
  'test/leaderboard',
  'test/api/',
  'test/auth/',
  'test/calendar/',
  'test/badges',
  'test/cadence',
  'test/health',
  'test/job-runner',
  'test/pipelines-routes',
  'test/sla-alerts',
  'test/store.test',
  'test/webhooks',
  'test/metrics/',
  'test/capture/',
  'test/print/',
  'test/demo',
  'test/integrity/',
  'test/win-analysis/',
  'test/meeting-pack/',
  'test/money/',
];

/**
 * What only a process of its own keeps apart: mocked modules, stubbed or assigned environment variables, fake
 * timers, a changed working directory, and the CLI or other child processes (a CLI run swaps the process's
 * globals, a child may hold a data directory's lock). A file that mentions any of these keeps its own worker.
 */
const NEEDS_OWN_PROCESS =
  /vi\.(mock|doMock|stubEnv|stubGlobal|useFakeTimers)|cli-in-process|runCli|child-store|child_process|process\.env\.\w+\s*=|process\.chdir|process\.on\(/;

const sharedWorkerFiles = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .map((f) => `test/${f.replaceAll('\\', '/')}`)
  .filter(
    (f) =>
      f.endsWith('.test.ts') &&
      SHARED_WORKER_DIRS.some((d) => f.startsWith(d)) &&
      !NEEDS_OWN_PROCESS.test(readFileSync(f, 'utf8')),
  );

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
          name: 'store-shared',
          include: sharedWorkerFiles,
          isolate: false,
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'store',
          include: ['test/**/*.test.ts', 'e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...sharedWorkerFiles],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
