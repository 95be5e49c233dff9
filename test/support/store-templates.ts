import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { openDb } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { runCli } from './cli.ts';

/*
 * A fresh PGlite store costs an initdb and every migration (about 3 s of CPU on disk, 2 s in memory), and the
 * suite opens over a hundred of them. global-setup.ts builds one migrated, empty store of each kind per run;
 * test files start from copies. Migrating from nothing is still proven every run: building the templates is
 * that, and a failure there fails the run. Tests about creating or upgrading a store keep starting from nothing.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump (uncompressed tar) of a migrated, empty in-memory PGlite data directory. */
    pgliteTemplateDump: string;
    /** A migrated, empty PGlite data directory, closed, to copy for child processes. */
    pgliteTemplateDir: string;
  }
}

/** Builds both templates under a new temporary directory; returns their paths and how to remove them. */
export async function buildStoreTemplates(): Promise<{
  dump: string;
  dir: string;
  remove: () => void;
}> {
  const root = mkdtempSync(join(tmpdir(), 'pacesetter-template-'));
  const dir = join(root, 'data');
  const disk = await openDb({ kind: 'pglite', dataDir: dir });
  try {
    await migrateToLatest(disk);
  } finally {
    await disk.destroy();
  }
  // The same directory as a tar for in-memory stores (PGlite's loadDataDir), taken before any test copies it.
  const dump = join(root, 'memory.tar');
  const pglite = await PGlite.create(dir);
  try {
    writeFileSync(dump, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await pglite.close();
  }
  return { dump, dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

let dumpBlob: Promise<Blob> | undefined;

/** The in-memory template, read once per test file (each file runs in its own process). */
export function pgliteTemplate(): Promise<Blob> {
  dumpBlob ??= readFile(inject('pgliteTemplateDump')).then((b) => new Blob([b]));
  return dumpBlob;
}

/** Fills `dir` (new or empty) with a copy of the migrated, empty data directory. */
export function copyMigratedDataDir(dir: string): void {
  cpSync(inject('pgliteTemplateDir'), dir, { recursive: true });
}

/**
 * The CLI's demo at the size the child-process tests fill their stores with (two reps, one month). Files that
 * need a filled PGlite store only as a fixture (not to test the demo) start from one copy of it per run.
 */
export const smallDemoArgs = ['demo', '--reps', '2', '--months', '1', '--until', '2026-06-30'] as const;

/*
 * The demo-filled directory is built by the first file that asks for it, not in global setup, so a run of other
 * files does not pay for it. Files run in separate processes: the one that creates the lock directory builds;
 * the others wait until the finished directory (renamed into place whole) or the builder's error appears.
 */
export async function copySmallDemoDataDir(dir: string): Promise<void> {
  const root = dirname(inject('pgliteTemplateDir'));
  const done = join(root, 'small-demo');
  const failed = join(root, 'small-demo.failed');
  let building = false;
  try {
    mkdirSync(join(root, 'small-demo.lock'));
    building = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if (building) {
    const work = join(root, 'small-demo.building');
    copyMigratedDataDir(work);
    const r = runCli(smallDemoArgs, { PACESETTER_DATA: work });
    if (r.status !== 0) {
      writeFileSync(failed, `exit ${r.status}\n${r.out}${r.err}`);
      throw new Error(`the demo for the template failed: exit ${r.status}\n${r.out}${r.err}`);
    }
    renameSync(work, done);
  }
  for (const deadline = Date.now() + 120_000; !existsSync(done);) {
    if (existsSync(failed))
      throw new Error(`the demo for the template failed:\n${readFileSync(failed, 'utf8')}`);
    if (Date.now() > deadline) throw new Error('the demo template was not built within 120 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  cpSync(done, dir, { recursive: true });
}
