import { sql, type Transaction } from 'kysely';
import { rawClientOf } from '../../store/bulk/raw-clients.ts';
import type { Database } from '../../store/schema.ts';

/*
 * Memory for a staged import's statements, set for its transaction only (SET LOCAL). With the server's defaults
 * (work_mem 4 MB, temp_buffers 8 MB) every set-based step of a million-row import spilled: the staging table
 * (about 300 MB) was read back from the operating system at each of its half-dozen scans, and the duplicate check,
 * the key tables, the first touches and the merge's sort by line all hashed or sorted in batches on disk
 * (EXPLAIN ANALYZE in docs/performance.md, "Import: a faster reader, memory for the checks").
 *
 * On PostgreSQL the memory is the server's, taken only as the statements use it (local buffers up to the size of
 * the import's temporary tables, kept by the backend until its connection closes; a sort or hash per statement).
 * On PGlite it is this process's, and its WebAssembly heap never gives back what it once held, so it gets less:
 * a million-row import peaked at 774 MB of RSS with these (the peak is still set by opening the store).
 */
const SETTINGS = {
  postgres: { workMem: '256MB', tempBuffers: '1GB' },
  pglite: { workMem: '32MB', tempBuffers: '64MB' },
} as const;

/**
 * Raises work_mem and temp_buffers for the rest of `tx`. temp_buffers cannot change once the session has used a
 * temporary table (a pooled connection that ran an import before at another size): it is then left as it is,
 * in a savepoint, so the import goes on with what the session has.
 */
export async function raiseImportMemory(tx: Transaction<Database>): Promise<void> {
  const kind = (await rawClientOf(tx))?.kind ?? 'postgres';
  const s = SETTINGS[kind];
  await sql`select set_config('work_mem', ${s.workMem}, true)`.execute(tx);
  await sql`savepoint import_temp_buffers`.execute(tx);
  try {
    await sql`select set_config('temp_buffers', ${s.tempBuffers}, true)`.execute(tx);
    await sql`release savepoint import_temp_buffers`.execute(tx);
  } catch {
    await sql`rollback to savepoint import_temp_buffers`.execute(tx);
  }
}
