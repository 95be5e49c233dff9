import { sql, type Kysely } from 'kysely';

/*
 * The metrics answer, kept (issue 12; docs/performance.md, "Stored metrics answers").
 *
 * metrics_data_version is one row whose version changes with every statement that writes what the metrics engine
 * reads (src/store/queries/metrics and its sources): activities and their rollups, leads, deals with their stage
 * spans, closed-day and created-month rollups, stages, pipelines, users (only the columns a metric or a group
 * reads), teams, settings, holidays, goals, customers and subscriptions, acquisition costs and forecast
 * snapshots. Contacts, accounts, forecast calls, sessions, tokens, audit, alerts, imports and jobs are not read by
 * any metric, so writing them leaves stored answers valid. It is its own counter, not forecast_data_version: the
 * activity stream (the most frequent write) changes every metric answer and no forecast, and forecast calls the
 * other way round. As there, a statement-level AFTER trigger bumps it inside the writing transaction, so a
 * snapshot that sees version v sees exactly the data of version v, and servers, a replica and the CLI agree on it.
 * The bump takes the row's lock until the writing transaction commits: writers of these tables queue on it.
 *
 * metrics_results holds GET /api/metrics answers: the MetricReport's JSON text, gzipped (a dashboard of 200 reps is
 * 140 kB of JSON and 19 kB gzipped; it is sent as it is to clients that accept gzip, the browser among them), so a
 * served answer is byte for byte the computed one. They are keyed by the data version they were computed from and request_key: a hash of the
 * metrics code's fingerprint, the canonical request (metrics, period, grouping, grain, filters, comparison) and
 * the viewer's resolved scope (the owners and teams access left), so one viewer is never served an answer computed
 * for another's scope. as_of is the instant the answer was computed for; valid_until the first instant after it at
 * which the clock alone could change the answer (an SLA deadline passing, the period's end for the pipeline open at
 * its end, a forecast snapshot's period ending), null: never. An answer is served for instants in between.
 */
const TRACKED = [
  'activities',
  'activity_day_counts',
  'activity_month_counts',
  'activity_month_people',
  'activity_month_meeting_prospects',
  'leads',
  'opportunities',
  'opportunity_history',
  'opportunity_stage_spans',
  'opportunity_closed_days',
  'opportunity_created_months',
  'stages',
  'pipelines',
  'teams',
  'settings',
  'holidays',
  'goals',
  'customers',
  'subscriptions',
  'acquisition_costs',
  'forecast_snapshots',
  'forecast_snapshot_values',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table metrics_data_version (
    id boolean primary key default true check (id),
    version bigint not null
  )`.execute(db);
  await sql`insert into metrics_data_version (id, version) values (true, 1)`.execute(db);
  // A counter, not a sequence (a rolled-back write leaves no trace); a missing row (the table emptied) comes back
  // at the current microsecond, past any count reached before, so a version never names two states. A plain
  // function too, for loads that run with the tables' triggers disabled (src/store/bulk/rebuild-after-load.ts).
  await sql
    .raw(
      `create function metrics_data_version_touch() returns void language sql as $$
    insert into metrics_data_version as v (id, version)
      values (true, (extract(epoch from clock_timestamp()) * 1000000)::bigint)
      on conflict (id) do update set version = v.version + 1
  $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function metrics_data_version_bump() returns trigger language plpgsql as $$
    begin
      perform metrics_data_version_touch();
      return null;
    end $$`,
    )
    .execute(db);
  for (const table of TRACKED) {
    await sql
      .raw(
        `create trigger metrics_data_version_bump
      after insert or update or delete or truncate on ${table}
      for each statement execute function metrics_data_version_bump()`,
      )
      .execute(db);
  }
  // A sign-in or password change writes users too; only the columns metrics and their groups read count.
  await sql
    .raw(
      `create trigger metrics_data_version_bump
    after insert or delete or truncate or update of id, name, role, team_id, active, hire_date, ramp_months
    on users for each statement execute function metrics_data_version_bump()`,
    )
    .execute(db);

  await sql`create table metrics_results (
    data_version bigint not null,
    request_key text not null,
    as_of timestamptz not null,
    valid_until timestamptz,
    report_gzip bytea not null,
    created_at timestamptz not null default now(),
    primary key (data_version, request_key)
  )`.execute(db);
  await sql`create index metrics_results_created_idx on metrics_results (created_at)`.execute(db);
}
