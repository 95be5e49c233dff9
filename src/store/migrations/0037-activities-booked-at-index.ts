import { type Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * meetings_booked counts meetings by booked_at (0032), which had no index: a quarter by rep scanned every
 * activity (3.6M rows, 0.5-0.6 s at the 200-rep size) for the 150k rows that carry it. A partial index holds only
 * those rows (a meeting set from quick log, the calendar or an import), so writes of other activities do not pay
 * for it. docs/performance.md, "The dashboard of every metric".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create index activities_booked_at_idx on activities (booked_at) where booked_at is not null;`,
  );
}
