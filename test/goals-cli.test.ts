import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { runCli } from './support/cli.ts';
import { runCliInProcess } from './support/cli-in-process.ts';
import { closeSharedPglite } from './support/shared-pglite.ts';
import { openDb } from '../src/store/db.ts';
import { copyMigratedDataDir } from './support/store-templates.ts';

vi.mock(import('../src/store/db.ts'), async (original) =>
  (await import('./support/shared-pglite.ts')).sharingPgliteDirs(await original()),
);

// The CLI runs against a PGlite directory; the SQL behind it is covered on both stores by the store and route
// tests, so this file checks the commands' wiring, validation messages and output.
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-goals-cli-'));
// A copy of the run's migrated, empty store (store-templates.ts): the first command finds nothing to create.
copyMigratedDataDir(dir);
afterAll(async () => {
  await closeSharedPglite();
  rmSync(dir, { recursive: true, force: true });
});

// Commands run in this process (cli-in-process.ts) on one open handle of the directory (shared-pglite.ts).
const cli = (...args: string[]) => runCliInProcess(args, { PACESETTER_DATA: dir });
// A real process, for an exit code; it must find the directory closed (shared-pglite.ts keeps it open).
const spawnCli = async (...args: string[]) => {
  await closeSharedPglite();
  return runCli(args, { PACESETTER_DATA: dir });
};

it('creates a goal from a template and reports every invalid option', async () => {
  const created = await cli('goals', 'create', '--template', 'daily_calls', '--target', '50');
  expect(created.err).toBe('');
  expect(created.out).toContain('Created goal 1: Calls a day (calls at_least 50 per day, company)');

  const invalid = await spawnCli(
    'goals',
    'create',
    '--metric',
    'nope',
    '--grain',
    'week',
    '--target',
    '5',
    '--period',
    '2026-11',
  );
  expect(invalid.status).toBe(2);
  expect(invalid.err).toContain('metricId: no metric with this id');
  expect(invalid.err).toContain("periodKey: is a month period but the goal's grain is week");

  const db = await openDb({ kind: 'pglite', dataDir: dir });
  try {
    const goals = await db
      .selectFrom('goals')
      .select(['metric_id', 'target', 'template', 'scope_type'])
      .execute();
    expect(goals).toEqual([
      { metric_id: 'calls', target: 50, template: 'daily_calls', scope_type: 'company' },
    ]);
  } finally {
    await db.destroy();
  }
}, 180_000);

it('publishes leaderboard metrics through settings set, naming an unknown id', async () => {
  const bad = await cli('settings', 'set', '--leaderboard-metrics', 'calls,nope');
  expect(bad.status).toBe(2);
  expect(bad.err).toContain('leaderboardMetrics: no metric with id "nope"');
  const ok = await cli('settings', 'set', '--leaderboard-metrics', 'won_revenue,calls,quota_attainment');
  expect(ok.err).toBe('');
  expect(ok.out).toMatch(/^leaderboards\s+calls,won_revenue,quota_attainment$/m);
}, 180_000);
