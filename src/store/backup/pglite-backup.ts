import { existsSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { AppError } from '../../errors.ts';
import { lockDataDir } from '../data-dir-lock.ts';
import { migrations } from '../migrations/index.ts';
import { writeAtomically } from './backup-file.ts';
import { nonEmptyTables, refuseOverData, type RunSql } from './non-empty-tables.ts';
import { finishInterruptedRestore, stagingName, swapInStaged } from './swap-data-dir.ts';

// What the data-directory lock's refusal tells a user whose server has the store open: there is no API for these.
const BUSY_BACKUP =
  'stop it, run `pacesetter backup` again and start it again (the embedded store is backed up while closed; ' +
  'a PostgreSQL store can be backed up while servers run).';
const BUSY_RESTORE = 'stop it, then run `pacesetter restore` again.';

async function openPglite(dir: string, loadDataDir?: Blob): Promise<PGlite> {
  const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
  return PGliteClass.create(dir, loadDataDir ? { loadDataDir } : {});
}

function runOn(pg: PGlite): RunSql {
  return async <R>(statement: string) => (await pg.query<R>(statement)).rows;
}

/** A data directory holds a store once Postgres has initialised it. */
function hasStore(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

/**
 * Writes a gzip tarball of the PGlite data directory (PGlite's dumpDataDir) to `file`. The store is not migrated
 * first, so a backup taken before an upgrade holds the schema as it was.
 */
export async function backupPglite(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (!existsSync(dataDir)) throw new AppError('not_found', `No store in ${dataDir}: nothing to back up.`);
  const lock = lockDataDir(dataDir, BUSY_BACKUP);
  try {
    finishInterruptedRestore(dataDir);
    if (!hasStore(dataDir)) throw new AppError('not_found', `No store in ${dataDir}: nothing to back up.`);
    const pg = await openPglite(dataDir);
    try {
      const dump = Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer());
      await writeAtomically(file, (tmp) => writeFile(tmp, dump));
      return { bytes: dump.length };
    } finally {
      await pg.close();
    }
  } finally {
    lock.release();
  }
}

/** Refuses a backup that is not a Pacesetter store, or one written by a newer version than this one. */
async function checkRestorable(run: RunSql, file: string): Promise<void> {
  const table = await run<{ ok: boolean }>(`select to_regclass('kysely_migration') is not null as ok`);
  if (!table[0]?.ok)
    throw new AppError('validation', `${file} holds no Pacesetter store (no migrations table).`);
  const applied = await run<{ name: string }>('select name from kysely_migration order by name');
  const unknown = applied.map((r) => r.name).filter((name) => !(name in migrations));
  if (unknown.length > 0)
    throw new AppError(
      'validation',
      `${file} was written by a newer Pacesetter (migrations ${unknown.join(', ')}); upgrade Pacesetter first.`,
    );
}

/**
 * Replaces the store in `dataDir` with the backup in `file`, all or nothing: the backup is unpacked and opened in
 * a staging directory first (a bad file changes nothing), then swapped in by renames under a journal that the
 * next open completes if this process is killed midway. A store with data is only replaced with `force`.
 */
export async function restorePglite(dataDir: string, file: string, force: boolean): Promise<void> {
  const lock = lockDataDir(dataDir, BUSY_RESTORE);
  try {
    finishInterruptedRestore(dataDir);
    if (hasStore(dataDir)) {
      const current = await openPglite(dataDir);
      let tables: string[];
      try {
        tables = await nonEmptyTables(runOn(current));
      } finally {
        await current.close();
      }
      if (tables.length > 0 && !force)
        throw new AppError('conflict', refuseOverData(`in ${dataDir}`, tables));
    }
    const staging = stagingName();
    const stagingDir = join(dataDir, staging);
    try {
      let restored: PGlite;
      try {
        restored = await openPglite(stagingDir, new Blob([readFileSync(file)]));
      } catch (err) {
        throw new AppError('validation', `${file} could not be unpacked as a PGlite store: ${String(err)}`);
      }
      try {
        await checkRestorable(runOn(restored), file);
      } finally {
        await restored.close();
      }
    } catch (err) {
      rmSync(stagingDir, { recursive: true, force: true });
      throw err;
    }
    swapInStaged(dataDir, staging);
  } finally {
    lock.release();
  }
}
