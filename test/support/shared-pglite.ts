import type * as DbModule from '../../src/store/db.ts';

type Db = DbModule.Db;

/*
 * Opening a PGlite directory boots Postgres inside WebAssembly: about 1 s of CPU, the larger part of a CLI command
 * on a small store even when it runs in the test process (cli-in-process.ts). A test file that runs many
 * commands on one directory mocks src/store/db.ts with sharingPgliteDirs: the first open of a directory really
 * opens it, and every later open (the test's own, each command's) gets the same handle, whose destroy() does
 * nothing. The command still runs everything after the open (migrateToLatest's check, the sweep of abandoned
 * imports, its queries). closeSharedPglite() really closes the handles: before a real child process opens the
 * directory (runCli), and in afterAll.
 *
 *   vi.mock(import('../../src/store/db.ts'), async (original) =>
 *     (await import('../support/shared-pglite.ts')).sharingPgliteDirs(await original()));
 */

const shared = new Map<string, Promise<{ db: Db; destroy: () => Promise<void> }>>();

/** The module src/store/db.ts with openDb sharing one handle per PGlite data directory. */
export function sharingPgliteDirs(original: typeof DbModule): typeof DbModule {
  return {
    ...original,
    openDb: (target) => {
      if (target.kind !== 'pglite' || target.dataDir === null || target.loadDataDir)
        return original.openDb(target);
      let entry = shared.get(target.dataDir);
      if (!entry) {
        entry = original.openDb(target).then((db) => {
          const destroy = db.destroy.bind(db);
          db.destroy = async () => undefined;
          return { db, destroy };
        });
        shared.set(target.dataDir, entry);
        // A failed open is not kept: the next open tries again, as a new process would.
        entry.catch(() => shared.delete(target.dataDir as string));
      }
      return entry.then((e) => e.db);
    },
  };
}

/** Really closes every shared handle (their directories' locks go with them). */
export async function closeSharedPglite(): Promise<void> {
  const entries = [...shared.values()];
  shared.clear();
  for (const e of entries) await (await e).destroy();
}
