import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { openDb } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';

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
