import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { AppError } from '../../errors.ts';

/** The two kinds of backup: a PGlite data-directory tarball, or a pg_dump archive in its custom format. */
export type BackupKind = 'pglite' | 'postgres';

/** Reads a backup file's first bytes to tell which store wrote it; a clear error for anything else. */
export function backupKindOf(file: string): BackupKind {
  const head = Buffer.alloc(512);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    if (code === 'ENOENT') throw new AppError('not_found', `No backup file ${file}`);
    throw err;
  }
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (n >= 5 && head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite'; // gzip
  if (n >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'pglite'; // plain tar
  throw new AppError(
    'validation',
    `${file} is not a Pacesetter backup: neither a PGlite data-directory dump nor a pg_dump archive.`,
  );
}

/** What to tell a user who restores one kind of backup into the other kind of store. */
export function wrongKind(file: string, kind: BackupKind): AppError {
  return new AppError(
    'validation',
    kind === 'pglite'
      ? `${file} is a backup of an embedded (PGlite) store; restore it without DATABASE_URL, into PACESETTER_DATA.`
      : `${file} is a pg_dump archive of a PostgreSQL store; restore it with DATABASE_URL set.`,
  );
}

/**
 * Writes a backup under a temporary name beside `file` and renames it into place, so `file` is either the
 * previous backup or the complete new one, never a partial file.
 */
export async function writeAtomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${file}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await write(tmp);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
