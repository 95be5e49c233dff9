import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { openDb } from '../../src/store/db.ts';
import { parseTargetSpec } from '../../src/cli/commands/dev-plans.ts';
import { runCliInProcess } from '../support/cli-in-process.ts';
import { closeSharedPglite } from '../support/shared-pglite.ts';
import { copyMigratedDataDir } from '../support/store-templates.ts';

vi.mock(import('../../src/store/db.ts'), async (original) =>
  (await import('../support/shared-pglite.ts')).sharingPgliteDirs(await original()),
);

// The CLI runs against a PGlite directory; the SQL and access rules are covered on both stores by
// plans-api.test.ts, so this file checks the command's wiring, target syntax and messages.
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-plans-cli-'));
copyMigratedDataDir(dir);
afterAll(async () => {
  await closeSharedPglite();
  rmSync(dir, { recursive: true, force: true });
});
// Commands run in this process (cli-in-process.ts) on one open handle of the directory (shared-pglite.ts).
const cli = (...args: string[]) => runCliInProcess(args, { PACESETTER_DATA: dir });
let repId = 0;

beforeAll(async () => {
  const db = await openDb({ kind: 'pglite', dataDir: dir });
  try {
    repId = (
      await db
        .insertInto('users')
        .values({ name: 'Rita Rep', email: 'rita@example.test', role: 'rep' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    // 2026-Q2 has 65 business days (UTC, Mon-Fri; April 22, May 21, June 22): 130 calls = 2 a day, 10 a working week.
    await db
      .insertInto('activities')
      .values(
        Array.from({ length: 130 }, () => ({
          type: 'call' as const,
          user_id: repId,
          occurred_at: '2026-05-05T10:00:00Z',
        })),
      )
      .execute();
  } finally {
    await db.destroy();
  }
}, 180_000);

it('parses target specs', async () => {
  expect(parseTargetSpec('calls>=50/week', 0)).toEqual({
    metricId: 'calls',
    comparison: 'at_least',
    cadence: 'weekly',
    target: 50,
  });
  expect(parseTargetSpec('win_rate >= +5pt', 0)).toEqual({
    metricId: 'win_rate',
    comparison: 'at_least',
    cadence: 'plan',
    delta: 5,
    unit: 'points',
  });
  expect(parseTargetSpec('lost_count<=-10%@2026-Q3', 1)).toEqual({
    metricId: 'lost_count',
    comparison: 'at_most',
    cadence: 'plan',
    delta: -10,
    unit: 'percent',
    baselinePeriod: '2026-Q3',
  });
  expect(parseTargetSpec('calls>=+5', 2)).toMatchObject({
    field: '--target 3',
    reason: expect.stringContaining('sign and a unit'),
  });
});

it('creates a PIP with a relative weekly target, shows it, and reports bad options with their field', async () => {
  const created = await cli(
    'coaching-plans',
    'create',
    '--user',
    String(repId),
    '--kind',
    'pip',
    '--title',
    'Call more',
    '--start',
    '2026-08-03',
    '--skill',
    'BQ:Consistent execution',
    '--action',
    'reading:SPIN Selling:2026-08-14',
    '--target',
    'calls>=+20%/week@2026-Q2',
  );
  expect(created.err).toBe('');
  expect(created.out).toContain('Created pip plan 1 for user');
  // 10 calls a working week in Q2, +20% = 12 per week.
  expect(created.out).toMatch(
    /calls at_least 12 per week \(baseline 130 in 2026-04-01\.\.2026-07-01 exclusive, \+20 percent\)/,
  );
  const shown = await cli('coaching-plans', 'show', '1');
  expect(shown.err).toBe('');
  expect(shown.out).toContain('skill BQ: Consistent execution');
  expect(shown.out).toMatch(/Status as of 2026-09-01: not_met/);
  const unknown = await cli(
    'coaching-plans',
    'create',
    '--user',
    String(repId),
    '--kind',
    'pip',
    '--title',
    'x',
    '--start',
    '2026-08-03',
    '--target',
    'nope>=3',
  );
  expect(unknown.err).toContain('targets.0.metricId: no metric with this id');
  const out = await cli('coaching-plans', 'outcome', '1', '--outcome', 'failed', '--note', 'no improvement');
  expect(out.out).toContain('Plan 1: failed, closed');
}, 300_000);
