import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** Whether `dir` holds no PGlite store yet, so opening it would first run initdb. */
export function needsInitdb(dir: string): boolean {
  return !existsSync(join(dir, 'PG_VERSION'));
}

/**
 * Runs PGlite's initdb for a new data directory in a child process, so that the store opened afterwards in this
 * process finds an existing directory. PGlite creates a new store with two more WebAssembly instances beside the
 * store's own (a second server and the initdb program), and V8's optimising compiler tiers up all three: opening
 * a new directory in process peaked at about 1.07 GB of RSS and left about 130 MB behind, while opening an
 * existing one peaks at about 0.65 GB. The child compiles with Liftoff only (no optimising tier), which halves
 * its own peak (about 0.64 GB) for a run that is over in a few seconds. See docs/performance.md.
 */
export async function initPgliteDataDir(dir: string): Promise<void> {
  const script = fileURLToPath(new URL('./pglite-initdb.ts', import.meta.url));
  await promisify(execFile)(process.execPath, ['--liftoff-only', script, dir], { maxBuffer: 16 * 2 ** 20 });
}
