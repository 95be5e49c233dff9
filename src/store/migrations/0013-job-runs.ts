import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * job_runs: the last success and failure of each background job, whichever server process ran it. Job lag is
 * read from here (GET /metrics), so with several processes on one database the figure is the cluster's, not
 * one process's view.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table job_runs (
      name text primary key,
      last_ok_at timestamptz,
      last_ms integer,
      last_failed_at timestamptz,
      last_error text,
      runs bigint not null default 0,
      failures bigint not null default 0
    );
  `,
  );
}
