import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { openDb } from '../../src/store/db.ts';
import { runCli } from '../support/cli.ts';
import { runCliInProcess } from '../support/cli-in-process.ts';
import { closeSharedPglite } from '../support/shared-pglite.ts';
import { copyMigratedDataDir } from '../support/store-templates.ts';
import { loadIntegrityFixture } from './fixture.ts';

vi.mock(import('../../src/store/db.ts'), async (original) =>
  (await import('../support/shared-pglite.ts')).sharingPgliteDirs(await original()),
);

// The CLI over a PGlite directory holding the hand-computed fixture (fixture.ts); the SQL is covered on both
// stores by integrity-metrics.test.ts, so this checks the command's wiring, output and validation.
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-integrity-cli-'));
copyMigratedDataDir(dir);
const ids = { ann: 0 };
beforeAll(async () => {
  const db = await openDb({ kind: 'pglite', dataDir: dir });
  ids.ann = (await loadIntegrityFixture(db)).ann;
});
afterAll(async () => {
  await closeSharedPglite();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCliInProcess(args, { PACESETTER_DATA: dir });

it('prints the per-rep view as JSON and as tables (Ann: 2/4 calls, 4/11 touches, 19/49 typed-in rows)', async () => {
  const json = await cli('activities', 'integrity', '--from', '2026-07-01', '--to', '2026-07-31', '--json');
  expect(json.status, json.err).toBe(0);
  const r = JSON.parse(json.out);
  const ann = r.reps.find((p: { userId: number }) => p.userId === ids.ann);
  expect(ann.signals.zero_length_call_share).toMatchObject({ numerator: 2, denominator: 4 });
  expect(ann.signals.repeat_touch_share).toMatchObject({ numerator: 4, denominator: 11 });
  expect(ann.signals.bulk_logged_share).toMatchObject({ numerator: 19, denominator: 49 });
  // Three reps: too few for a median, and Ann has under 20 rows per signal but 49 typed-in rows at 39%.
  expect(r.medians).toEqual({
    zero_length_call_share: null,
    repeat_touch_share: null,
    bulk_logged_share: null,
  });
  expect(ann.signals.bulk_logged_share.reason).toBe(
    '39% of typed-in activities were logged after hours in bursts of 10+ within 5 min (19 of 49; too few reps for a median)',
  );
  const text = await cli('activities', 'integrity', '--from', '2026-07-01', '--to', '2026-07-31');
  expect(text.status, text.err).toBe(0);
  expect(text.out).toContain('Ann');
  expect(text.out).toMatch(/Ann\s+50\.0%\s+36\.4%\s+38\.8%\s+yes/);
  expect(text.out).toContain('2026-07-14  0 / 0');
});

it('names the bad option and exits non-zero (a real process)', async () => {
  await closeSharedPglite();
  const bad = await runCli(['activities', 'integrity', '--from', '2026-07-01', '--to', '2026-02-30'], {
    PACESETTER_DATA: dir,
  });
  expect(bad.status).not.toBe(0);
  expect(bad.err).toContain('to: expected YYYY-MM-DD');
});
