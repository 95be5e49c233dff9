import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../store/db.ts';

/*
 * Who is still working on an import run: the process running it holds a session-level advisory lock on its
 * connection from before the run row exists until the run is finished. A process that dies (kill -9, crash, power
 * loss) loses its connection and with it the lock, so a 'running' run whose lock anybody can take has nobody
 * working on it. This holds with several server processes sharing one PostgreSQL database, and on PGlite (where
 * the data directory lock makes one process the only one).
 */

/** The run's lock key: a 64-bit hash of schema and id, so installs sharing a database in other schemas never meet. */
function runKey(id: RawBuilder<unknown> | number): RawBuilder<number> {
  return sql<number>`hashtextextended('pacesetter import run ' || current_schema() || ' ' || ${id}, 0)`;
}

/** What the sweep writes on a run whose process is gone. */
export const ABANDONED_RUN_ERROR =
  'The process running this import stopped before it finished (killed or crashed); nothing of it was written.';

/**
 * Reserves the next run id and locks it on this connection (`conn` must be one connection: `db.connection()`),
 * so the run row is never visible without its lock.
 */
export async function reserveLockedRunId(conn: Db): Promise<number> {
  const r = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('imports', 'id')) as id`.execute(
    conn,
  );
  const id = Number(r.rows[0]?.id);
  await sql`select pg_advisory_lock(${runKey(id)})`.execute(conn);
  return id;
}

/**
 * PostgreSQL: reserves the next run id and holds its lock for as long as `work` runs, with a transaction-scoped
 * lock in a transaction kept open on a connection of its own. Behind PgBouncer in transaction mode an open
 * transaction keeps its server connection, whereas a session lock could be taken on one server connection and
 * released on another (leaving a dead run looking alive). The transaction writes nothing; a killed process loses
 * the connection and with it the lock, as before.
 */
export async function withLockedRunId<T>(db: Db, work: (runId: number) => Promise<T>): Promise<T> {
  return db.connection().execute((lockConn) =>
    lockConn.transaction().execute(async (tx) => {
      const r = await sql<{
        id: number;
      }>`select nextval(pg_get_serial_sequence('imports', 'id')) as id`.execute(tx);
      const id = Number(r.rows[0]?.id);
      await sql`select pg_advisory_xact_lock(${runKey(id)})`.execute(tx);
      return work(id);
    }),
  );
}

/** Gives the run's lock back once its final state is stored. */
export async function releaseRunLock(conn: Db, runId: number): Promise<void> {
  await sql`select pg_advisory_unlock(${runKey(runId)})`.execute(conn);
}

/**
 * Marks failed every 'running' run whose lock is free, i.e. whose process is gone; returns their ids. The try-lock
 * is transaction-scoped, so it is released when this one statement ends. Runs of a live process in another
 * session are left alone. It must not run while this process has an import going on PGlite: the one PGlite
 * session would take its own lock again; so it runs when the store is opened (cli/store-from-config.ts).
 */
export async function failAbandonedImportRuns(db: Db): Promise<number[]> {
  const r = await sql<{ id: number }>`
    update imports set status = 'failed', error = ${ABANDONED_RUN_ERROR}, finished_at = now()
    where status = 'running' and pg_try_advisory_xact_lock(${runKey(sql`id`)})
    returning id`.execute(db);
  return r.rows.map((x) => Number(x.id));
}
