import { sql, type Kysely } from 'kysely';

/*
 * The forecast's track record, kept (issue 12; docs/performance.md, "Forecast with its track record").
 *
 * forecast_data_version is one row whose version goes up with every statement that writes what a forecast reads:
 * deals, their history and stage intervals, stages, pipelines, forecast calls, holidays, settings, and the users
 * a forecast counts (role, active, hire date, ramp). Statement-level AFTER triggers bump it inside the writing
 * transaction, so a snapshot that sees version v sees exactly the data of version v: two servers, a read replica
 * and the CLI agree on it without talking to each other. opportunity_stage_spans has the trigger too because the
 * demo load writes deals with their triggers disabled and then refreshes every deal's spans.
 *
 * forecast_backtest_checkpoints holds what each method forecast at one backtest checkpoint (a past instant) for
 * one scope, with the revenue actually won in that period, keyed by the data version it was computed from and by
 * everything else the numbers depend on (options_key: seed, iterations, probability source, cycle-age mode,
 * look-back and a fingerprint of the forecasting code). A row of an older data version is never read again.
 *
 * The bump takes the version row's lock until the writing transaction ends, so writers of those tables queue on
 * it; they are deal and calendar edits and imports, not the activity stream.
 */
const TRACKED = [
  'opportunities',
  'opportunity_history',
  'opportunity_stage_spans',
  'stages',
  'pipelines',
  'forecast_calls',
  'holidays',
  'settings',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table forecast_data_version (
    id boolean primary key default true check (id),
    version bigint not null
  )`.execute(db);
  await sql`insert into forecast_data_version (id, version) values (true, 1)`.execute(db);
  await sql
    .raw(
      `create function forecast_data_version_bump() returns trigger language plpgsql as $$
    begin
      update forecast_data_version set version = version + 1;
      return null;
    end $$`,
    )
    .execute(db);
  for (const table of TRACKED) {
    await sql
      .raw(
        `create trigger forecast_data_version_bump
      after insert or update or delete or truncate on ${table}
      for each statement execute function forecast_data_version_bump()`,
      )
      .execute(db);
  }
  // A sign-in writes users too; only the columns the forecast reads count.
  await sql
    .raw(
      `create trigger forecast_data_version_bump
    after insert or delete or truncate or update of id, role, active, hire_date, ramp_months on users
    for each statement execute function forecast_data_version_bump()`,
    )
    .execute(db);

  await sql`create table forecast_backtest_checkpoints (
    data_version bigint not null,
    options_key text not null,
    scope_key text not null,
    period_key text not null,
    as_of timestamptz not null,
    result jsonb not null,
    created_at timestamptz not null default now(),
    primary key (data_version, options_key, scope_key, period_key, as_of)
  )`.execute(db);
  await sql`create index forecast_backtest_checkpoints_created_idx on forecast_backtest_checkpoints (created_at)`.execute(
    db,
  );
}
