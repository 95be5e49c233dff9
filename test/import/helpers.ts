import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { runImport, type ImportRequest } from '../../src/import/run-import.ts';
import type { Db } from '../../src/store/db.ts';

/** The committed copies of /work/shared/crm-exports. */
export const FIXTURES = new URL('../fixtures/crm-exports/', import.meta.url);

/** Imports CSV text held in the test. */
export function importText(db: Db, text: string, opts: Partial<Omit<ImportRequest, 'input'>> = {}) {
  return runImport(db, SYSTEM_VIEWER, { fileName: 'test.csv', ...opts, input: Readable.from([text]) });
}

/** Imports one of the sample exports. */
export function importFixture(db: Db, file: string, opts: Partial<Omit<ImportRequest, 'input'>> = {}) {
  return runImport(db, SYSTEM_VIEWER, {
    fileName: file,
    createMissing: true,
    ...opts,
    input: createReadStream(new URL(file, FIXTURES)),
  });
}

/** Row count of every data table except the import-run log, to prove a rejected import changed nothing. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = await sql<{ tablename: string }>`
    select tablename from pg_tables
    where schemaname = current_schema() and tablename not in ('imports', 'kysely_migration', 'kysely_migration_lock')
    order by tablename`.execute(db);
  const out: Record<string, number> = {};
  for (const t of tables.rows) {
    const r = await sql<{ c: number }>`select count(*)::int as c from ${sql.id(t.tablename)}`.execute(db);
    out[t.tablename] = r.rows[0]!.c;
  }
  return out;
}

/** Runs `fn` and returns the error it throws (fails the test when it does not throw). */
export async function thrown(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}
