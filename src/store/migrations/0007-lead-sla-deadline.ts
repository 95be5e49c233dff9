import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * leads.sla_deadline_at: the stored SLA deadline (leadSlaDeadline on the workspace calendar and SLA settings), so
 * the SLA metric and alert check compare first_response_at with it in SQL. Filled by refreshDerived; existing
 * leads get it at the next refresh (null until then).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table leads add column sla_deadline_at timestamptz;
  `,
  );
}
