import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/store/data-dir-lock.ts';
import {
  finishInterruptedRestore,
  RESTORE_JOURNAL,
  stagingName,
  swapInStaged,
} from '../../src/store/backup/swap-data-dir.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A data directory with old store files and a lock, plus a staged new store; names are what PGlite writes. */
function setUp(): { dir: string; staging: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pacesetter-swap-'));
  dirs.push(dir);
  for (const f of ['PG_VERSION', 'postgresql.conf']) writeFileSync(join(dir, f), `old ${f}`);
  mkdirSync(join(dir, 'base'));
  writeFileSync(join(dir, 'base', '1'), 'old base/1');
  writeFileSync(join(dir, LOCK_FILE), 'the lock');
  const staging = stagingName();
  mkdirSync(join(dir, staging, 'base'), { recursive: true });
  for (const f of ['PG_VERSION', 'pg_hba.conf']) writeFileSync(join(dir, staging, f), `new ${f}`);
  writeFileSync(join(dir, staging, 'base', '1'), 'new base/1');
  return { dir, staging };
}

/** The directory's files and their contents, to compare whole states. */
function contents(dir: string, under = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(join(dir, under), { withFileTypes: true })) {
    const rel = join(under, e.name);
    if (e.isDirectory()) Object.assign(out, contents(dir, rel));
    else out[rel] = readFileSync(join(dir, rel), 'utf8');
  }
  return out;
}

const swapped = {
  PG_VERSION: 'new PG_VERSION',
  'pg_hba.conf': 'new pg_hba.conf',
  'base/1': 'new base/1',
  [LOCK_FILE]: 'the lock',
};

describe('swapping a restored PGlite store into its data directory', () => {
  it('replaces every store file and keeps the lock', () => {
    const { dir, staging } = setUp();
    swapInStaged(dir, staging);
    expect(contents(dir)).toEqual(swapped);
  });

  it('a restore killed while moving the old files out is completed at the next open', () => {
    const { dir, staging } = setUp();
    const old = '.pacesetter-restore-old-abc';
    writeFileSync(join(dir, RESTORE_JOURNAL), JSON.stringify({ phase: 'move-old', staging, old }));
    mkdirSync(join(dir, old));
    renameSync(join(dir, 'PG_VERSION'), join(dir, old, 'PG_VERSION')); // one of three moved, then the kill
    finishInterruptedRestore(dir);
    expect(contents(dir)).toEqual(swapped);
  });

  it('a restore killed while moving the new files in is completed at the next open', () => {
    const { dir, staging } = setUp();
    const old = '.pacesetter-restore-old-abc';
    mkdirSync(join(dir, old));
    for (const f of ['PG_VERSION', 'postgresql.conf', 'base']) renameSync(join(dir, f), join(dir, old, f));
    writeFileSync(join(dir, RESTORE_JOURNAL), JSON.stringify({ phase: 'move-new', staging, old }));
    renameSync(join(dir, staging, 'base'), join(dir, 'base')); // one of three moved, then the kill
    finishInterruptedRestore(dir);
    expect(contents(dir)).toEqual(swapped);
  });

  it('a restore killed before the swap leaves the old store; its staging directory is removed', () => {
    const { dir } = setUp();
    finishInterruptedRestore(dir);
    expect(contents(dir)).toEqual({
      PG_VERSION: 'old PG_VERSION',
      'postgresql.conf': 'old postgresql.conf',
      'base/1': 'old base/1',
      [LOCK_FILE]: 'the lock',
    });
  });
});
