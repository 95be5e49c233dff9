import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.ts';
import { runCli } from '../support/cli.ts';
import { copyMigratedDataDir } from '../support/store-templates.ts';

// The CLI against a PGlite directory: wiring, options and output. The SQL is covered on both stores by
// coaching-api.test.ts, the arithmetic by arithmetic.test.ts.
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-reps-cli-'));
copyMigratedDataDir(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) => runCli(args, { PACESETTER_DATA: dir });

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

it('prints scorecards, benchmarks and quadrants, and names a bad option', () => {
  const card = cli('reps', 'scorecard', '--period', '2026-07', '--json');
  expect(card.err).toBe('');
  const parsed = JSON.parse(card.out) as {
    reps: { name: string; buckets: { metrics: { metricId: string; ratio: number | null }[] }[] }[];
  };
  expect(parsed.reps.map((r) => r.name)).toEqual(['Ann']);
  expect(parsed.reps[0]!.buckets[0]!.metrics.find((m) => m.metricId === 'calls')?.ratio).toBe(0.5);

  const bench = cli('reps', 'benchmarks', '--period', '2026-07');
  expect(bench.err).toBe('');
  expect(bench.out).toMatch(/^Ann\s+calls\s+200\s+400\s+200\s+200\s+50$/m);

  const quad = cli('reps', 'quadrants', '--period', '2026-07', '--periods', '3', '--history', '2');
  expect(quad.err).toBe('');
  expect(quad.out).toContain('Quadrants on results score, 2026-05 .. 2026-07');

  const bad = cli('reps', 'quadrants', '--grain', 'day');
  expect(bad.status).toBe(2);
  expect(bad.err).toContain('--grain must be one of week, month, quarter');
}, 240_000);
