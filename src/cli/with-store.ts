import type { Db } from '../store/db.ts';
import type { CliContext } from './context.ts';

/**
 * Opens the configured store for one command and always closes it. The store module is imported here, on
 * first use, so `pacesetter --help` and commands that need no store do not pay for loading it.
 */
export async function withStore<T>(ctx: CliContext, fn: (db: Db) => Promise<T>): Promise<T> {
  const { openConfiguredStore } = await import('./store-from-config.ts');
  const db = await openConfiguredStore(ctx.config());
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}
