import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK_FILE } from '../data-dir-lock.ts';

/**
 * Replaces the contents of a locked PGlite data directory with a staged copy, so that a kill at any moment leaves
 * either the old store or the new one. The directory itself cannot be renamed (it may be a mount point, and it
 * holds the lock file), so its entries are moved: the old ones into a side directory, then the staged ones in.
 * A journal file says which of the two moves was under way; finishInterruptedRestore() completes it on the next
 * open. Every step is a rename within one file system, and re-running a step moves only what is left.
 */
export const RESTORE_JOURNAL = 'pacesetter-restore.json';
/** Prefix of the staging and side directories inside the data directory; Postgres ignores unknown entries. */
export const RESTORE_PREFIX = '.pacesetter-restore-';

interface Journal {
  phase: 'move-old' | 'move-new';
  staging: string;
  old: string;
}

/** Entries that belong to the store (not the lock, the journal, or a restore's own directories). */
function storeEntries(dir: string): string[] {
  return readdirSync(dir).filter(
    (name) => !name.startsWith(LOCK_FILE) && name !== RESTORE_JOURNAL && !name.startsWith(RESTORE_PREFIX),
  );
}

/** Written to a temporary name and renamed, so the journal is always whole. */
function writeJournal(dir: string, journal: Journal): void {
  const tmp = join(dir, `${RESTORE_JOURNAL}.tmp`);
  writeFileSync(tmp, JSON.stringify(journal));
  renameSync(tmp, join(dir, RESTORE_JOURNAL));
}

function readJournal(dir: string): Journal | null {
  try {
    return JSON.parse(readFileSync(join(dir, RESTORE_JOURNAL), 'utf8')) as Journal;
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return null;
    throw err;
  }
}

function runJournal(dir: string, journal: Journal): void {
  const staging = join(dir, journal.staging);
  const old = join(dir, journal.old);
  if (journal.phase === 'move-old') {
    mkdirSync(old, { recursive: true });
    for (const name of storeEntries(dir)) renameSync(join(dir, name), join(old, name));
    journal = { ...journal, phase: 'move-new' };
    writeJournal(dir, journal);
  }
  for (const name of readdirSync(staging)) {
    if (name.startsWith(LOCK_FILE)) continue;
    renameSync(join(staging, name), join(dir, name));
  }
  rmSync(join(dir, RESTORE_JOURNAL));
  rmSync(old, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
}

/** A new staging directory's name inside `dir`. */
export function stagingName(): string {
  return `${RESTORE_PREFIX}new-${randomBytes(6).toString('hex')}`;
}

/** Swaps the store in `dir` (locked by this process) for the one staged in `dir/<staging>`. */
export function swapInStaged(dir: string, staging: string): void {
  const journal: Journal = {
    phase: 'move-old',
    staging,
    old: `${RESTORE_PREFIX}old-${randomBytes(6).toString('hex')}`,
  };
  writeJournal(dir, journal);
  runJournal(dir, journal);
}

/**
 * Completes a restore that was killed while swapping (the journal exists), or clears the staging directory of one
 * killed before the swap began. Run with the directory's lock held, before PGlite opens it.
 */
export function finishInterruptedRestore(dir: string): void {
  const journal = readJournal(dir);
  if (journal) runJournal(dir, journal);
  for (const name of readdirSync(dir)) {
    if (name.startsWith(RESTORE_PREFIX)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}
