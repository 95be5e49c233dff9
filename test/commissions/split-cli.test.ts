import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseShare } from '../../src/cli/commands/commissions-split.ts';
import { openDb } from '../../src/store/db.ts';
import { ensureDefaultPipeline } from '../../src/store/tables/pipelines.ts';
import { runCliInProcess } from '../support/cli-in-process.ts';
import { closeSharedPglite } from '../support/shared-pglite.ts';
import { copyMigratedDataDir } from '../support/store-templates.ts';

vi.mock(import('../../src/store/db.ts'), async (original) =>
  (await import('../support/shared-pglite.ts')).sharingPgliteDirs(await original()),
);

describe('parseShare: email=percent, exact to the basis point', () => {
  it('reads whole and two-decimal percentages without a float', () => {
    expect(parseShare('ana@x.test=60', 0)).toEqual({ email: 'ana@x.test', shareBp: 6000 });
    expect(parseShare('ana@x.test=33.34', 0)).toEqual({ email: 'ana@x.test', shareBp: 3334 });
    expect(parseShare(' bo@x.test=0.5 ', 1)).toEqual({ email: 'bo@x.test', shareBp: 50 });
  });

  it('refuses other spellings, naming the option', () => {
    for (const bad of ['ana@x.test', 'ana@x.test=', 'ana@x.test=1.234', 'ana@x.test=-5', 'ana@x.test=1e2']) {
      expect(() => parseShare(bad, 2)).toThrow(expect.objectContaining({ code: 'validation' }));
    }
  });
});

// Wiring: the split rules themselves (sum to 100%, active users, who may split) are tested on both stores in
// splits-api.test.ts; the command runs in this process on one PGlite handle (cli-in-process.ts).
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-split-cli-'));
copyMigratedDataDir(dir);
afterAll(async () => {
  await closeSharedPglite();
  rmSync(dir, { recursive: true, force: true });
});
const cli = (...args: string[]) => runCliInProcess(args, { PACESETTER_DATA: dir });
let dealId = 0;

beforeAll(async () => {
  const db = await openDb({ kind: 'pglite', dataDir: dir });
  try {
    const users = await db
      .insertInto('users')
      .values([
        { name: 'Ana', email: 'ana@example.test', role: 'rep' },
        { name: 'Bo', email: 'bo@example.test', role: 'rep' },
      ])
      .returning('id')
      .execute();
    const pipelineId = await ensureDefaultPipeline(db);
    const stage = await db
      .selectFrom('stages')
      .select('id')
      .where('pipeline_id', '=', pipelineId)
      .orderBy('position')
      .executeTakeFirstOrThrow();
    dealId = (
      await db
        .insertInto('opportunities')
        .values({
          name: 'Split me',
          owner_id: users[0]!.id,
          pipeline_id: pipelineId,
          stage_id: stage.id,
          amount_minor: 1_000_000,
          currency: 'USD',
          created_at: '2026-11-02T10:00:00Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  } finally {
    await db.destroy();
  }
});

describe('pacesetter commissions split', () => {
  it('sets a 60/40 split by email, shows it, and clears it back to the owner', async () => {
    const set = await cli(
      'commissions',
      'split',
      String(dealId),
      '--share',
      'ana@example.test=60',
      '--share',
      'BO@example.test=40',
      '--json',
    );
    expect(set.err).toBe('');
    expect(JSON.parse(set.out)).toMatchObject({
      opportunityId: dealId,
      splits: [
        { userName: 'Ana', shareBp: 6000 },
        { userName: 'Bo', shareBp: 4000 },
      ],
    });
    const shown = await cli('commissions', 'split', String(dealId));
    expect(shown.out).toContain('Ana: 60.00%');
    expect(shown.out).toContain('Bo: 40.00%');
    const cleared = await cli('commissions', 'split', String(dealId), '--clear');
    expect(cleared.out).toContain('not split');
  });

  it('names the bad input: shares not summing to 100%, an unknown email, a missing deal', async () => {
    const short = await cli('commissions', 'split', String(dealId), '--share', 'ana@example.test=60');
    expect(short.status).toBe(2);
    expect(short.err).toContain('10000');
    const unknown = await cli('commissions', 'split', String(dealId), '--share', 'nobody@example.test=100');
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain('nobody@example.test');
    const missing = await cli('commissions', 'split', '999999');
    expect(missing.status).toBe(2);
    expect(missing.err).toContain('999999');
  });
});
