import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Forecast settings (issue 13):
 * - pipelines.probability_source: which stage probabilities the pipeline methods use for the pipeline's deals,
 *   'configured' (stages.probability_pct) or 'learned' (observed from closed deals, shrunk toward the configured
 *   value; src/domain/forecast/learned-probability.ts). Learned by default: it backtests better, and with few
 *   closed deals the shrinkage keeps it at the configured value anyway.
 * - settings.planned_growth_pct: the growth the run-rate applies (the brief's "the company grows 5%"); null = the
 *   trailing trend.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table pipelines add column probability_source text not null default 'learned'
      check (probability_source in ('configured', 'learned'));
    alter table settings add column planned_growth_pct numeric(6,2)
      check (planned_growth_pct is null or planned_growth_pct between -100 and 1000);
  `,
  );
}
