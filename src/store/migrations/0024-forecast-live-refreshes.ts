import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/*
 * Who is computing a stored live forecast (issue 12; docs/performance.md, "The first request after a write").
 *
 * After a write, two background computations of the same answer used to run at once: the one GET /api/forecast
 * starts when it serves a stale answer (stale=allow) and the forecast-refresh job's, each ~1.5 s of Node and ~2 s
 * of database CPU at 200 reps, on a machine of two cores. A background computation now first claims its key (the
 * data version, options, scope, period and as-of day, stored-live-results.ts) with one row here and skips the work
 * when another process or request holds it; it removes the row when done. A claim older than CLAIM_SECONDS
 * (a process that died) is taken over. A request that must answer with the current numbers (the default) never
 * waits on a claim: it computes as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table forecast_live_refreshes (
      refresh_key text primary key,
      claimed_at timestamptz not null default now()
    );
    `,
  );
}
