import { sql, type Kysely } from 'kysely';

/*
 * The forecast's track record, kept (issue 12; docs/performance.md, "Forecast with its track record").
 *
 * forecast_data_version is one row whose version changes with every statement that writes what a forecast reads:
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

/*
 * opportunity_stage_outcomes: one row per closed deal and stage it entered before closing, with the days it spent
 * there (stage-outcomes.ts, the learned stage probabilities' input). Before, every forecast found these pairs by
 * looking up the stage entries of each deal closed in the last 365 days (36k deals, 131k pairs on the 200-rep
 * store: 0.7-3 s); now it is one range of an index on closed_at. days is the numeric sum the query computed, so
 * the sums over it are the same numbers to the last digit.
 *
 * Kept in the writing transaction by statement triggers: on opportunity_stage_spans (every change to a deal's
 * history, stage or close re-derives its spans, delete then insert) and on opportunities for what the spans do not
 * follow (status, owner, pipeline, close instant). Each recomputes the touched deals' rows from the spans.
 */
const STAGE_OUTCOMES = [
  `create table opportunity_stage_outcomes (
    opportunity_id bigint not null,
    stage_id bigint not null,
    pipeline_id bigint not null,
    owner_id bigint,
    won boolean not null,
    closed_at timestamptz not null,
    days numeric not null,
    primary key (opportunity_id, stage_id)
  )`,
  `create function opportunity_stage_outcomes_refresh(ids bigint[]) returns void language plpgsql as $$
  begin
    delete from opportunity_stage_outcomes where opportunity_id = any(ids);
    insert into opportunity_stage_outcomes (opportunity_id, stage_id, pipeline_id, owner_id, won, closed_at, days)
    select o.id, e.stage_id, o.pipeline_id, o.owner_id, o.status = 'won', o.closed_at,
      sum(extract(epoch from least(coalesce(e.left_at, o.closed_at), o.closed_at) - e.changed_at)) / 86400
    from opportunities o
    join opportunity_stage_spans e on e.opportunity_id = o.id and e.is_entry and e.changed_at < o.closed_at
    where o.id = any(ids) and o.status in ('won', 'lost') and o.closed_at is not null
    group by o.id, e.stage_id;
  end $$`,
  `create function opportunity_stage_outcomes_from_spans() returns trigger language plpgsql as $$
  begin
    if tg_op = 'DELETE' then
      perform opportunity_stage_outcomes_refresh(array(select distinct opportunity_id from old_rows));
    else
      perform opportunity_stage_outcomes_refresh(array(select distinct opportunity_id from new_rows));
    end if;
    return null;
  end $$`,
  `create trigger opportunity_stage_outcomes_ins after insert on opportunity_stage_spans
    referencing new table as new_rows for each statement
    execute function opportunity_stage_outcomes_from_spans()`,
  `create trigger opportunity_stage_outcomes_del after delete on opportunity_stage_spans
    referencing old table as old_rows for each statement
    execute function opportunity_stage_outcomes_from_spans()`,
  `create function opportunity_stage_outcomes_from_opportunities() returns trigger language plpgsql as $$
  begin
    -- Set operations, as the spans' trigger: transition tables have no statistics.
    perform opportunity_stage_outcomes_refresh(array(
      select id from (
        select id, status, owner_id, pipeline_id, closed_at from new_rows
        except
        select id, status, owner_id, pipeline_id, closed_at from old_rows) changed));
    return null;
  end $$`,
  `create trigger opportunity_stage_outcomes_upd after update on opportunities
    referencing old table as old_rows new table as new_rows for each statement
    execute function opportunity_stage_outcomes_from_opportunities()`,
  `create function opportunity_stage_outcomes_truncate() returns trigger language plpgsql as $$
  begin
    delete from opportunity_stage_outcomes;
    return null;
  end $$`,
  `create trigger opportunity_stage_outcomes_trunc after truncate on opportunity_stage_spans
    for each statement execute function opportunity_stage_outcomes_truncate()`,
  `select opportunity_stage_outcomes_refresh(array(select id from opportunities))`,
  `create index opportunity_stage_outcomes_closed_idx on opportunity_stage_outcomes (closed_at)
    include (pipeline_id, stage_id, owner_id, won, days)`,
  `analyze opportunity_stage_outcomes`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STAGE_OUTCOMES) await sql.raw(statement).execute(db);
  await sql`create table forecast_data_version (
    id boolean primary key default true check (id),
    version bigint not null
  )`.execute(db);
  await sql`insert into forecast_data_version (id, version) values (true, 1)`.execute(db);
  // A counter, not a sequence: a rolled-back write leaves no trace (a sequence would move). When the row is gone
  // (every table emptied), it comes back at the current microsecond, far past any count a store reached before,
  // so a version never names two states.
  await sql
    .raw(
      `create function forecast_data_version_bump() returns trigger language plpgsql as $$
    begin
      insert into forecast_data_version as v (id, version)
        values (true, (extract(epoch from clock_timestamp()) * 1000000)::bigint)
        on conflict (id) do update set version = v.version + 1;
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
