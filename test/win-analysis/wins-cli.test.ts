import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { runCli } from '../support/cli.ts';
import { runCliInProcess } from '../support/cli-in-process.ts';
import { closeSharedPglite } from '../support/shared-pglite.ts';
import { copyMigratedDataDir, smallDemoArgs } from '../support/store-templates.ts';

vi.mock(import('../../src/store/db.ts'), async (original) =>
  (await import('../support/shared-pglite.ts')).sharingPgliteDirs(await original()),
);

// The command's wiring, output and validation on the small demo; the numbers are checked on both stores in
// demo-wins.test.ts. One run is a real process, for its exit code.
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-wins-cli-'));
copyMigratedDataDir(dir);
afterAll(async () => {
  await closeSharedPglite();
  rmSync(dir, { recursive: true, force: true });
});
const cli = (...args: string[]) => runCliInProcess(args, { PACESETTER_DATA: dir });

beforeAll(async () => {
  const r = await cli(...smallDemoArgs);
  expect(r.status, r.err).toBe(0);
}, 300_000);

it('prints JSON that parses, with the same deals as the sentences', async () => {
  const json = await cli('wins', 'analyze', '--from', '2026-01-01', '--to', '2026-06-30', '--json');
  expect(json.status, json.err).toBe(0);
  const report = JSON.parse(json.out) as {
    period: { from: string; to: string };
    deals: { won: number; lost: number };
    findings: { sentence: string }[];
  };
  expect(report.period).toMatchObject({ from: '2026-01-01', to: '2026-06-30' });
  const text = await cli('wins', 'analyze', '--from', '2026-01-01', '--to', '2026-06-30');
  expect(text.status, text.err).toBe(0);
  expect(text.out).toContain(`${report.deals.won} won, ${report.deals.lost} lost`);
  for (const f of report.findings) expect(text.out).toContain(f.sentence);
  expect(text.out).toContain('Feature');
});

it('names the bad flag', async () => {
  const rep = await cli('wins', 'analyze', '--period', '2026-Q2', '--rep', 'abc');
  expect(rep.status).not.toBe(0);
  expect(rep.err).toMatch(/rep/);
  const type = await cli('wins', 'analyze', '--period', '2026-Q2', '--type', 'bogus');
  expect(type.err).toMatch(/bogus/);
  await closeSharedPglite();
  const noPeriod = await runCli(['wins', 'analyze'], { PACESETTER_DATA: dir });
  expect(noPeriod.status).not.toBe(0);
  expect(noPeriod.err).toMatch(/from/);
});
