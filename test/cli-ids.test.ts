import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { countArg, idArg } from '../src/cli/int-options.ts';
import { AppError } from '../src/errors.ts';
import { runCliInProcess } from './support/cli-in-process.ts';
import { closeSharedPglite } from './support/shared-pglite.ts';
import { copyMigratedDataDir } from './support/store-templates.ts';

vi.mock(import('../src/store/db.ts'), async (original) =>
  (await import('./support/shared-pglite.ts')).sharingPgliteDirs(await original()),
);

/*
 * Ids typed at the CLI are spelled one way, as the API's IdField takes them: `positiveInt` took Number()'s
 * spellings ('1e3', '0x10', ' 1', '+1', '01'), so one row answered to many spellings and 2^53 + 1 was silently
 * another id. Counts (limits, periods) follow the same digits-only rule within their range.
 */

/** Spellings that are no id, each with why. */
const ODD = [
  ['1e3', 'exponent'],
  ['0x10', 'hex'],
  ['+1', 'sign'],
  ['01', 'leading zero'],
  [' 1', 'leading space'],
  ['1 ', 'trailing space'],
  ['１', 'full-width digit'],
  ['1%00', 'percent-encoded NUL'],
  ['', 'empty'],
  ['9007199254740993', 'past 2^53 - 1'],
  ['0', 'zero'],
  ['-1', 'negative'],
  ['1.0', 'decimal point'],
] as const;

function thrownBy(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('idArg and countArg', () => {
  it('take ids spelled with plain digits, 1 to 2^53 - 1', () => {
    expect(idArg('1', '--team')).toBe(1);
    expect(idArg('42', '--team')).toBe(42);
    expect(idArg('9007199254740991', '--team')).toBe(Number.MAX_SAFE_INTEGER);
  });

  for (const [value, why] of ODD)
    it(`refuse ${JSON.stringify(value)} as an id (${why}), naming the option and the value`, () => {
      const e = thrownBy(() => idArg(value, '--team'));
      expect(e.code).toBe('validation');
      expect(e.message).toBe(`--team ${JSON.stringify(value)} is not an id`);
      expect(e.details).toEqual([expect.objectContaining({ field: '--team', value })]);
    });

  it('take counts in their range, digits only', () => {
    expect(countArg('7', '--limit')).toBe(7);
    expect(countArg('0', '--max-reassign', { min: 0, max: 10 })).toBe(0);
    expect(countArg('10', '--max-reassign', { min: 0, max: 10 })).toBe(10);
    expect(thrownBy(() => countArg('11', '--max-reassign', { min: 0, max: 10 })).message).toBe(
      '--max-reassign "11" is not a whole number from 0 to 10',
    );
    for (const [value] of ODD.filter(([v]) => v !== '9007199254740993'))
      expect(thrownBy(() => countArg(value, '--limit')).details[0]).toMatchObject({
        field: '--limit',
        value,
      });
  });
});

describe('commands taking ids and counts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pacesetter-cli-ids-'));
  copyMigratedDataDir(dir);
  afterAll(async () => {
    await closeSharedPglite();
    rmSync(dir, { recursive: true, force: true });
  });
  const cli = (...args: string[]) => runCliInProcess(args, { PACESETTER_DATA: dir });

  const commands: [string, (v: string) => string[], string][] = [
    ['tokens revoke <id>', (v) => ['tokens', 'revoke', v], '<id>'],
    ['wins analyze --rep', (v) => ['wins', 'analyze', '--period', '2026-Q2', '--rep', v], '--rep'],
    ['pipeline changes --team', (v) => ['pipeline', 'changes', '--team', v], '--team'],
    ['cadence --limit', (v) => ['cadence', '--limit', v], '--limit'],
  ];
  for (const [name, args, option] of commands)
    it(`${name} refuses every odd spelling with an error naming ${option} and the value`, async () => {
      for (const [value] of ODD) {
        const r = await cli(...args(value));
        expect(r.status, `${name} ${JSON.stringify(value)}`).toBe(2);
        expect(r.err).toContain(`${option} ${JSON.stringify(value)} is not`);
      }
    }, 60_000);

  it('passes a well-spelled id on to the command', async () => {
    const r = await cli('tokens', 'revoke', '9007199254740991');
    expect(r.status).not.toBe(0);
    expect(r.err).toMatch(/No such active token/);
  });
});
