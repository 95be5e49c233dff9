import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { runCliInProcess } from '../support/cli-in-process.ts';
import { closeSharedPglite } from '../support/shared-pglite.ts';
import { copyMigratedDataDir } from '../support/store-templates.ts';

vi.mock(import('../../src/store/db.ts'), async (original) =>
  (await import('../support/shared-pglite.ts')).sharingPgliteDirs(await original()),
);

// Wiring of `pacesetter rates`: the rules (validation, access, conversion) are tested on both stores in
// exchange-rates-api.test.ts and exchange-rate-metrics.test.ts; the command runs in this process on PGlite.
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-rates-cli-'));
copyMigratedDataDir(dir);
afterAll(async () => {
  await closeSharedPglite();
  rmSync(dir, { recursive: true, force: true });
});
const cli = (...args: string[]) => runCliInProcess(args, { PACESETTER_DATA: dir });

it('imports a rates file whole or not at all and lists the rates', async () => {
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'currency,effective_from,rate\nEUR,2026-07-01,1.1\nJPY,2026-07-01,-2\n');
  const refused = await cli('rates', 'import', '--file', bad);
  expect(refused.status).toBe(2);
  expect(refused.err).toContain(`${bad}:line 3:rate: expected a positive decimal`);
  const good = join(dir, 'good.csv');
  writeFileSync(good, 'currency,effective_from,rate\nEUR,2026-07-01,1.1\nJPY,2026-07-01,0.0067\n');
  const ok = await cli('rates', 'import', '--file', good);
  expect(ok.status).toBe(0);
  expect(ok.out).toContain(`${good}: 2 rate(s) imported`);
  const listed = await cli('rates', 'list');
  expect(listed.out.split('\n')).toEqual([
    'Workspace currency: USD',
    'currency  effective_from  rate    to   applies',
    '--------  --------------  ------  ---  -------',
    'EUR       2026-07-01      1.1     USD  yes',
    'JPY       2026-07-01      0.0067  USD  yes',
    '',
  ]);
  const missing = await cli('rates', 'import', '--file', join(dir, 'nope.csv'));
  expect(missing.status).toBe(2);
  expect(missing.err).toContain('Cannot read');
});
