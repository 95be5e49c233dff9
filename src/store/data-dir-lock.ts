import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { hostname } from 'node:os';
import { AppError } from '../errors.ts';

/**
 * PGlite is one process's database: two processes opening the same directory overwrite each other's pages and
 * the store stops opening. This file in the data directory says which process has it open.
 */
export const LOCK_FILE = 'pacesetter.lock';

/** What a lock file holds; `nonce` makes each lock's text unique, so "is it still that lock?" is a string compare. */
interface LockHolder {
  pid: number;
  hostname: string;
  /** Linux: the process start time in clock ticks since boot (/proc/<pid>/stat), to tell a reused pid apart. */
  startTicks: string | null;
  startedAt: string;
  command: string;
  nonce: string;
}

/** A held lock on a data directory; release() is idempotent. */
export interface DataDirLock {
  readonly path: string;
  release: () => void;
}

/** Directories (real paths) this process holds, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

function errCode(err: unknown): string | undefined {
  return err instanceof Error && 'code' in err ? String(err.code) : undefined;
}

/** Field 22 of /proc/<pid>/stat; null off Linux or when the process is gone. */
function startTicksOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: count fields after its closing ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** "pacesetter serve", "pacesetter users add": the command without options, so no password lands in the file. */
function describeThisProcess(): string {
  const script = basename(process.argv[1] ?? 'node').replace(/\.js$/, '');
  const words: string[] = [];
  for (const a of process.argv.slice(2)) {
    if (a.startsWith('-') || words.length === 2) break;
    words.push(a);
  }
  return [script, ...words].join(' ');
}

function parseHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    return typeof v.pid === 'number' && typeof v.hostname === 'string' && typeof v.nonce === 'string'
      ? {
          pid: v.pid,
          hostname: v.hostname,
          startTicks: typeof v.startTicks === 'string' ? v.startTicks : null,
          startedAt: String(v.startedAt ?? ''),
          command: String(v.command ?? 'another process'),
          nonce: v.nonce,
        }
      : null;
  } catch {
    return null;
  }
}

/** The lock's text, or null when there is no lock file. */
function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if (errCode(err) === 'ENOENT') return null;
    throw err;
  }
}

type Liveness = 'alive' | 'dead' | 'other-host';

function liveness(h: LockHolder, dirKey: string): Liveness {
  if (h.hostname !== hostname()) return 'other-host';
  // Our own pid: either this process opened the directory already, or a previous process had the same pid
  // (a restarted container's pid 1) and died without releasing.
  if (h.pid === process.pid) return heldHere.has(dirKey) ? 'alive' : 'dead';
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if (errCode(err) === 'ESRCH') return 'dead';
    // EPERM: the pid exists but belongs to another user; fall through to the start-time check.
  }
  if (h.startTicks !== null) {
    const now = startTicksOf(h.pid);
    if (now !== null && now !== h.startTicks) return 'dead';
  }
  return 'alive';
}

/** What a refused process should do instead, after "stop it"; commands with no API equivalent say their own. */
const DEFAULT_ADVICE = "stop it, or run this through the server's API.";

function refusal(dir: string, h: LockHolder, where: Liveness, advice = DEFAULT_ADVICE): AppError {
  if (where === 'other-host')
    return new AppError(
      'conflict',
      `The store in ${dir} is open by process ${h.pid} on host ${h.hostname} (${h.command}); stop it there, ` +
        `or, if it no longer runs, delete ${join(dir, LOCK_FILE)}.`,
    );
  return new AppError(
    'conflict',
    `The store in ${dir} is open by process ${h.pid} (${h.command}); ${advice}`,
  );
}

/**
 * Removes a stale lock whose text is `staleText`, under a second lock file (`.takeover`) so that two processes
 * taking over the same stale lock cannot both succeed: without it, one could delete the fresh lock the other
 * has just created. Inside the takeover lock nobody else can change the lock file (its owner is dead, and new
 * locks are only created when it is absent), so compare-then-delete is safe there.
 */
function removeStale(
  dir: string,
  lockPath: string,
  staleText: string,
  ourFile: string,
  dirKey: string,
  advice: string,
): void {
  const takeover = `${lockPath}.takeover`;
  try {
    linkSync(ourFile, takeover);
  } catch (err) {
    if (errCode(err) !== 'EEXIST') throw err;
    const text = readText(takeover);
    const other = text === null ? null : parseHolder(text);
    if (other === null) return; // finished meanwhile: the caller retries
    const state = liveness(other, dirKey);
    if (state !== 'dead') throw refusal(dir, other, state, advice);
    throw new AppError(
      'conflict',
      `A process stopped while taking over the lock of the store in ${dir}; no process has the store open: ` +
        `delete ${takeover} and retry.`,
    );
  }
  try {
    if (readText(lockPath) === staleText) unlinkSync(lockPath);
  } finally {
    unlinkSync(takeover);
  }
}

/**
 * Takes the exclusive lock on a PGlite data directory (creating the directory), before PGlite touches any of its
 * files. The lock file is created atomically with its full text (written to a private file, then hard-linked to
 * the lock name, which fails if it exists). A lock whose process is gone is taken over; a live one is refused with
 * an AppError naming the process and ending with `advice` (what to do instead of waiting for it). The lock is
 * released by release() and, failing that, when the process exits.
 */
export function lockDataDir(dir: string, advice = DEFAULT_ADVICE): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const dirKey = realpathSync(dir);
  const lockPath = join(dir, LOCK_FILE);
  const mine: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startTicks: startTicksOf(process.pid),
    startedAt: new Date().toISOString(),
    command: describeThisProcess(),
    nonce: randomBytes(8).toString('hex'),
  };
  const myText = JSON.stringify(mine);
  const ourFile = `${lockPath}.${process.pid}.${mine.nonce}`;
  writeFileSync(ourFile, myText, { flag: 'wx' });
  try {
    // Each pass either takes the lock, refuses, or removes one stale lock; a few passes settle any race.
    for (let pass = 0; pass < 5; pass++) {
      try {
        linkSync(ourFile, lockPath);
      } catch (err) {
        if (errCode(err) !== 'EEXIST') throw err;
        const text = readText(lockPath);
        if (text === null) continue;
        const holder = parseHolder(text);
        // An unreadable lock file was not written by this code (we write it whole): treat it as stale.
        const state = holder === null ? 'dead' : liveness(holder, dirKey);
        if (holder !== null && state !== 'dead') throw refusal(dir, holder, state, advice);
        removeStale(dir, lockPath, text, ourFile, dirKey, advice);
        continue;
      }
      return held(lockPath, myText, dirKey);
    }
    throw new Error(`Could not lock ${dir}: the lock file kept changing`);
  } finally {
    unlinkSync(ourFile);
  }
}

function held(lockPath: string, myText: string, dirKey: string): DataDirLock {
  heldHere.add(dirKey);
  const release = () => {
    process.off('exit', release);
    if (!heldHere.delete(dirKey)) return;
    // Only our own lock: never delete a file another process created after ours was (wrongly) removed.
    if (readText(lockPath) === myText) unlinkSync(lockPath);
  };
  process.on('exit', release);
  return { path: lockPath, release };
}
