import { sql, type Kysely } from 'kysely';

/*
 * The live forecast, kept (issue 12; docs/performance.md, "Forecast with its track record").
 *
 * forecast_live_results holds one GET /api/forecast answer per scope, period and as-of day (the workspace's local
 * day it was made on), keyed like forecast_backtest_checkpoints by the data version it was computed from and by
 * everything else its numbers depend on (options_key: the forecasting code's fingerprint, seed, iterations, methods,
 * look-back, probability source, cycle-age mode, the call's new-pipeline flag, with or without the track record).
 * The first request of a day after a write computes it; later ones that day are served that answer, whose asOf
 * says when it was made. The report is stored before the viewer's deal filter, which every read applies. It is
 * json, not jsonb (which would reorder the keys of its objects), so a served answer is byte for byte the computed
 * one. A row of another data version is never read again; such rows and rows older than a week are removed when
 * a new one is written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table forecast_live_results (
    data_version bigint not null,
    options_key text not null,
    scope_key text not null,
    period_key text not null,
    as_of_day date not null,
    report json not null,
    created_at timestamptz not null default now(),
    primary key (data_version, options_key, scope_key, period_key, as_of_day)
  )`.execute(db);
  await sql`create index forecast_live_results_created_idx on forecast_live_results (created_at)`.execute(db);
}
