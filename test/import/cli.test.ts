import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it, vi } from 'vitest';
import { describe } from 'vitest';
import { runCliInProcess } from '../support/cli-in-process.ts';
import { closeSharedPglite } from '../support/shared-pglite.ts';
import { copyMigratedDataDir } from '../support/store-templates.ts';
import { FIXTURES } from './helpers.ts';

vi.mock(import('../../src/store/db.ts'), async (original) =>
  (await import('../support/shared-pglite.ts')).sharingPgliteDirs(await original()),
);

const BIN = fileURLToPath(new URL('../../bin/pacesetter.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-import-'));
// A copy of the run's migrated, empty store (store-templates.ts): the first command finds nothing to create.
copyMigratedDataDir(join(dir, 'data'));

/** `pacesetter import <args>` in this process (cli-in-process.ts), on one open handle (shared-pglite.ts). */
async function cli(...args: string[]) {
  const r = await runCliInProcess(['import', ...args], { PACESETTER_DATA: join(dir, 'data') });
  return { code: r.status, out: r.out, err: r.err };
}

/** The same as a real process, for the exit code of a rejected file; it must find the directory closed. */
async function spawnCli(...args: string[]) {
  await closeSharedPglite();
  const env: Record<string, string | undefined> = {
    ...process.env,
    PACESETTER_DATA: join(dir, 'data'),
    PACESETTER_LOG_LEVEL: 'silent',
  };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [BIN, 'import', ...args], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// The cases share one data directory and run in order.
describe('pacesetter import (CLI, PGlite in a temp dir)', { timeout: 240_000 }, () => {
  afterAll(async () => {
    await closeSharedPglite();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a Salesforce export, prints the summary, and a re-run changes nothing', async () => {
    const file = join(dir, 'salesforce.csv');
    copyFileSync(fileURLToPath(new URL('salesforce-opportunities.csv', FIXTURES)), file);
    const first = await cli(file, '--create-missing');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Salesforce Opportunities report \(salesforce opportunities\)/);
    expect(first.out).toMatch(
      /rows read 20, imported 20 \(created 20, updated 0, unchanged 0\), skipped 2, rejected 0/,
    );
    expect(first.out).toMatch(/rows\/s/);
    const again = await cli(file);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/imported 20 \(created 0, updated 0, unchanged 20\)/);
  });

  it('exits 2 with row errors for a bad file, and --skip-invalid writes <file>.rejects.csv', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      [
        'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Organization,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Deal closed on',
        '1,One,Alice Moreno,100,Acme Corp,Lead In,Open,2024-01-02 10:00:00,',
        '2,Two,Alice Moreno,abc,Acme Corp,Lead In,Open,2024-01-02 10:00:00,',
        '3,Three,Alice Moreno,100,Acme Corp,Lead In,Won,2024-01-02 10:00:00,',
      ].join('\n'),
    );
    const bad = await spawnCli(file);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/2 of 3 rows are invalid; nothing was imported/);
    expect(bad.err).toMatch(/bad\.csv:line 3:amount: amount 'abc' is not a number/);
    expect(bad.err).toMatch(/bad\.csv:line 4:closedAt: a won deal needs a close date/);
    expect(existsSync(`${file}.rejects.csv`)).toBe(false);

    const skip = await cli(file, '--skip-invalid');
    expect(skip.code).toBe(0);
    expect(skip.out).toMatch(/imported 1 \(created 1, updated 0, unchanged 0\), skipped 0, rejected 2/);
    const rejects = readFileSync(`${file}.rejects.csv`, 'utf8').trim().split('\n');
    expect(rejects[0]).toBe(
      'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Organization,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Deal closed on,line,field,reason',
    );
    expect(rejects.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['2,Two', '3,Three']);
  });

  it('exits 2 naming the line for an unterminated quote and for bytes that are not UTF-8; --encoding reads them', async () => {
    const header =
      'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Organization,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Deal closed on';
    const quote = join(dir, 'quote.csv');
    writeFileSync(
      quote,
      [
        header,
        '11,One,Alice Moreno,100,Acme Corp,Lead In,Open,2024-01-02 10:00:00,',
        '12,"Two,Alice Moreno,1,,Lead In,Open,2024-01-02 10:00:00,',
      ].join('\n'),
    );
    const q = await cli(quote);
    expect(q.code).toBe(2);
    expect(q.err).toMatch(/quote\.csv:line 3:csv: a quoted cell opened on line 3 is never closed/);
    expect(q.err).not.toMatch(/ at /);

    const latin = join(dir, 'latin.csv');
    writeFileSync(
      latin,
      Buffer.concat([
        Buffer.from(`${header}\n13,Caf`),
        Buffer.from([0xe9]),
        Buffer.from(
          `,Alice Moreno,100,Acme Corp,Lead In,Open,2024-01-02 10:00:00,\n14,${"=cmd|' /C calc'!A0"},Alice Moreno,-1,Acme Corp,Lead In,Open,2024-01-02 10:00:00,\n`,
        ),
      ]),
    );
    const bad = await cli(latin);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/latin\.csv:line 2:encoding: line 2 is not valid utf-8; .*--encoding/);
    const ok = await cli(latin, '--encoding', 'windows-1252', '--skip-invalid');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/imported 1 \(created 1, updated 0, unchanged 0\), skipped 0, rejected 1/);
    const rejects = readFileSync(`${latin}.rejects.csv`, 'utf8').trim().split('\n');
    expect(rejects[1]).toMatch(/^14,'=cmd\|' \/C calc'!A0,Alice Moreno,'-1,/);
  });

  it('has help for the command and its options', () => {
    const r = spawnSync(process.execPath, [BIN, 'import', '--help'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/--skip-invalid/);
    expect(r.stdout).toMatch(/--create-missing/);
    expect(r.stdout).toMatch(/--map <mapping.json>/);
    expect(r.stdout).toMatch(/--encoding <encoding>/);
  });
});
