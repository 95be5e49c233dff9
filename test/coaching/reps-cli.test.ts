import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { openDb } from '../../src/store/db.ts';
import { runCli } from '../support/cli.ts';
import { runCliInProcess } from '../support/cli-in-process.ts';
import { closeSharedPglite } from '../support/shared-pglite.ts';
import { copyMigratedDataDir } from '../support/store-templates.ts';

vi.mock(import('../../src/store/db.ts'), async (original) =>
  (await import('../support/shared-pglite.ts')).sharingPgliteDirs(await original()),
);

// The CLI against a PGlite directory: wiring, options and output. The SQL is covered on both stores by
// coaching-api.test.ts, the arithmetic by arithmetic.test.ts.
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-reps-cli-'));
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

beforeAll(async () => {
  const db = await openDb({ kind: 'pglite', dataDir: dir });
  try {
    const { id } = await db
      .insertInto('users')
      .values({ name: 'Ann', email: 'ann@example.test', role: 'rep' })
      .returning('id')
      .executeTakeFirstOrThrow();
    // 200 outbound calls in July against the default card's 400 a month.
    await db
      .insertInto('activities')
      .values(
        Array.from({ length: 200 }, () => ({
          type: 'call' as const,
          direction: 'outbound' as const,
          user_id: id,
          occurred_at: '2026-07-08T15:00:00Z',
        })),
      )
      .execute();
  } finally {
    await db.destroy();
  }
}, 120_000);

it('prints scorecards, benchmarks and quadrants, and names a bad option', async () => {
  const card = await cli('reps', 'scorecard', '--period', '2026-07', '--json');
  expect(card.err).toBe('');
  const parsed = JSON.parse(card.out) as {
    reps: { name: string; buckets: { metrics: { metricId: string; ratio: number | null }[] }[] }[];
  };
  expect(parsed.reps.map((r) => r.name)).toEqual(['Ann']);
  expect(parsed.reps[0]!.buckets[0]!.metrics.find((m) => m.metricId === 'calls')?.ratio).toBe(0.5);

  const bench = await cli('reps', 'benchmarks', '--period', '2026-07');
  expect(bench.err).toBe('');
  expect(bench.out).toMatch(/^Ann\s+calls\s+200\s+400\s+200\s+200\s+50$/m);

  const quad = await cli('reps', 'quadrants', '--period', '2026-07', '--periods', '3', '--history', '2');
  expect(quad.err).toBe('');
  expect(quad.out).toContain('Quadrants on results score, 2026-05 .. 2026-07');

  const bad = await spawnCli('reps', 'quadrants', '--grain', 'day');
  expect(bad.status).toBe(2);
  expect(bad.err).toContain('--grain must be one of week, month, quarter');
}, 240_000);
