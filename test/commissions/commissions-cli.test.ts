import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { copyMigratedDataDir } from '../support/store-templates.ts';

// Wiring only (two spawns): the store and route tests cover the logic on both stores.
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-commissions-cli-'));
copyMigratedDataDir(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) => runCli(args, { PACESETTER_DATA: dir });

it('creates a plan from a rules file (--json prints JSON only) and names the bad field of a bad file', () => {
  const good = join(dir, 'junior.json');
  writeFileSync(
    good,
    JSON.stringify({ currency: 'USD', period: 'month', tiers: [{ fromPct: 0, rateBp: 1000 }] }),
  );
  const created = cli(
    'commissions',
    'plans',
    'create',
    '--name',
    'Junior',
    '--file',
    good,
    '--from',
    '2026-01-01',
    '--json',
  );
  expect(created.err).toBe('');
  const plan = JSON.parse(created.out) as {
    id: number;
    versions: Array<{ version: number; rules: { creditOn: string } }>;
  };
  expect(plan.versions).toEqual([
    expect.objectContaining({ version: 1, rules: expect.objectContaining({ creditOn: 'close' }) }),
  ]);

  const bad = join(dir, 'bad.json');
  writeFileSync(
    bad,
    JSON.stringify({
      currency: 'USD',
      period: 'month',
      tiers: [
        { fromPct: 0, rateBp: 1000 },
        { fromPct: 0, rateBp: 1500 },
      ],
    }),
  );
  const refused = cli(
    'commissions',
    'plans',
    'create',
    '--name',
    'Bad',
    '--file',
    bad,
    '--from',
    '2026-01-01',
  );
  expect(refused.status).toBe(2);
  expect(refused.err).toContain('rules.tiers[1].fromPct');
});
