import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { runCliInProcess } from '../support/cli-in-process.ts';
import { closeSharedPglite } from '../support/shared-pglite.ts';
import { copyMigratedDataDir } from '../support/store-templates.ts';

vi.mock(import('../../src/store/db.ts'), async (original) =>
  (await import('../support/shared-pglite.ts')).sharingPgliteDirs(await original()),
);

// The numbers are pinned on both stores by store.test.ts and routes.test.ts; this file checks that every
// `pacesetter forecast` subcommand reads its own options (the parent's --json/--period/--seed used to swallow them).
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-forecast-cli-'));
// A copy of the run's migrated, empty store (store-templates.ts): the first command finds nothing to create.
copyMigratedDataDir(dir);
afterAll(async () => {
  await closeSharedPglite();
  rmSync(dir, { recursive: true, force: true });
});

// Commands run in this process (cli-in-process.ts) on one open handle of the directory (shared-pglite.ts).
const cli = (...args: string[]) => runCliInProcess(args, { PACESETTER_DATA: dir });

function json(out: string): Record<string, unknown> {
  return JSON.parse(out) as Record<string, unknown>;
}

it('forecast --json prints the API JSON', async () => {
  const r = await cli('forecast', '--json', '--period', '2026-Q3', '--no-track-record', '--seed', '3');
  expect(r.err).toBe('');
  const body = json(r.out);
  expect(body.period).toMatchObject({ key: '2026-Q3' });
  expect(body.seed).toBe(3);
  expect(Array.isArray(body.methods)).toBe(true);
}, 180_000);

it('forecast backtest --json prints the backtest JSON', async () => {
  const r = await cli('forecast', 'backtest', '--json', '--grain', 'month', '--periods', '1', '--start-only');
  expect(r.err).toBe('');
  const body = json(r.out);
  expect(body).toMatchObject({ grain: 'month', checkpoints: 1 });
  expect(body.scopes).toEqual([expect.objectContaining({ scopeKey: 'company' })]);
  // What the company's forecast learned at the period start, as GET /api/forecast/backtest gives it.
  const periods = body.periods as Array<{ learnedAtStart: unknown }>;
  expect(periods[0]?.learnedAtStart).toMatchObject({
    newPipeline: {
      dealsPerBusinessDay: expect.any(Number),
      creationTrend: expect.toBeOneOf([null, expect.any(Number)]),
    },
    stages: expect.any(Array),
  });
}, 180_000);

it('forecast snapshot --json prints the snapshot JSON for its own --period', async () => {
  const r = await cli('forecast', 'snapshot', '--json', '--period', '2026-Q3', '--seed', '5');
  expect(r.err).toBe('');
  expect(json(r.out)).toMatchObject({ periodKey: '2026-Q3', trigger: 'manual', scopes: 1 });
}, 180_000);
