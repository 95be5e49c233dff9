import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { openDb } from '../../src/store/db.ts';
import { runCli } from '../support/cli.ts';
import { runCliInProcess } from '../support/cli-in-process.ts';
import { closeSharedPglite } from '../support/shared-pglite.ts';
import { copyMigratedDataDir } from '../support/store-templates.ts';
import { seedLeads } from './seed.ts';

vi.mock(import('../../src/store/db.ts'), async (original) =>
  (await import('../support/shared-pglite.ts')).sharingPgliteDirs(await original()),
);

// The CLI runs against a PGlite directory; the SQL behind it is covered on both stores by the store and route
// tests, so this file checks the commands' wiring, validation messages and output. Commands run in this process
// (cli-in-process.ts) on one open handle (shared-pglite.ts); one runs as a real process, for its exit code.
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-route-cli-'));
copyMigratedDataDir(dir);
afterAll(async () => {
  await closeSharedPglite();
  rmSync(dir, { recursive: true, force: true });
});
const cli = (...args: string[]) => runCliInProcess(args, { PACESETTER_DATA: dir });
// A real process must find the directory closed (shared-pglite.ts keeps it open between commands).
const spawnCli = async (...args: string[]) => {
  await closeSharedPglite();
  return runCli(args, { PACESETTER_DATA: dir });
};

beforeAll(async () => {
  const db = await openDb({ kind: 'pglite', dataDir: dir });
  try {
    await db
      .insertInto('users')
      .values([
        { name: 'Ada', email: 'ada@example.test', role: 'rep' },
        { name: 'Bo', email: 'bo@example.test', role: 'rep' },
      ])
      .execute();
    // Leads of the last hour, so the routing look-back includes them.
    await seedLeads(db, 3, { country: 'DE', createdAt: new Date(Date.now() - 3_600_000) });
  } finally {
    await db.destroy();
  }
});

it('adds rules, sets weights and out-of-office, routes and reports', async () => {
  const bad = await spawnCli(
    'route',
    'rules',
    'add',
    '--name',
    'x',
    '--reps',
    '99',
    '--min-size',
    '50',
    '--max-size',
    '10',
  );
  expect(bad.status).toBe(2);
  expect(bad.err).toContain('repIds');
  expect(bad.err).toContain('maxCompanySize');

  const add = await cli('route', 'rules', 'add', '--name', 'DACH', '--countries', 'de,at', '--reps', '1,2');
  expect(add.err).toBe('');
  expect(add.out).toContain('Created routing rule 1: DACH (position 1)');
  expect((await cli('route', 'rules')).out).toMatch(/1\s+1\s+DACH\s+yes\s+DE,AT/);

  expect(
    (await cli('route', 'rep', '1', '--weight', '2', '--hours', '00:00-24:00', '--days', '1,2,3,4,5,6,7'))
      .out,
  ).toContain('Rep 1: weight 2');
  expect((await cli('route', 'rep', '2', '--hours', '9-5')).err).toContain('--hours');
  expect(
    (await cli('route', 'ooo', 'add', '2', '2020-01-01', '2099-12-31', '--note', 'sabbatical')).out,
  ).toContain('Added out-of-office 1: user 2 2020-01-01..2099-12-31');

  const dry = await cli('route', 'run', '--dry-run');
  expect(dry.out).toContain('Would route 3 leads');
  expect(dry.out).toContain('skipped user 2 in "DACH": out of office 2020-01-01..2099-12-31');
  const run = await cli('route', 'run');
  expect(run.out).toContain('Routed 3 leads');

  const today = new Date().toISOString().slice(0, 10);
  const fair = await cli('route', 'fairness', '--from', today, '--to', today, '--json');
  const rows = JSON.parse(fair.out) as Array<{ userId: number; leadsAssigned: number }>;
  expect(rows.find((r) => r.userId === 1)?.leadsAssigned).toBe(3);
  const speed = await cli('route', 'speed-to-lead', '--from', today, '--to', today);
  expect(speed.out).toMatch(/Company\s+never\s+3\s+0\s+0\s+0\.0%\s+0\.0%/);
  expect((await cli('route', 'speed-to-lead', '--period', '2026-11', '--by', 'team')).err).toContain('--by');
  expect((await cli('route', 'settings', '--on', 'created', '--reassign', 'on')).out).toContain(
    'route on: created',
  );
}, 600_000);
