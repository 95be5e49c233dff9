import type { Generated } from 'kysely';
import type { Db } from '../db.ts';
import type { DbOrTx } from '../derived/people.ts';

/** The last outcome of one background job, across every server process (migration 0013). */
export interface JobRunsTable {
  name: string;
  last_ok_at: Date | null;
  last_ms: number | null;
  last_failed_at: Date | null;
  last_error: string | null;
  runs: Generated<string>;
  failures: Generated<string>;
}

/** Records a successful run inside the job's own transaction, so the record commits exactly with its work. */
export async function recordJobSuccess(tx: DbOrTx, name: string, at: Date, ms: number): Promise<void> {
  await tx
    .insertInto('job_runs')
    .values({ name, last_ok_at: at, last_ms: ms, runs: '1' })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({
        last_ok_at: eb.ref('excluded.last_ok_at'),
        last_ms: eb.ref('excluded.last_ms'),
        runs: eb('job_runs.runs', '+', '1'),
      })),
    )
    .execute();
}

/** Records a failed run after its transaction rolled back (the error text is cut to keep the row small). */
export async function recordJobFailure(db: Db, name: string, at: Date, error: string): Promise<void> {
  await db
    .insertInto('job_runs')
    .values({ name, last_failed_at: at, last_error: error.slice(0, 500), failures: '1' })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({
        last_failed_at: eb.ref('excluded.last_failed_at'),
        last_error: eb.ref('excluded.last_error'),
        failures: eb('job_runs.failures', '+', '1'),
      })),
    )
    .execute();
}

/** Every job's record, for monitoring. */
export async function listJobRuns(db: Db) {
  return db.selectFrom('job_runs').selectAll().orderBy('name').execute();
}
