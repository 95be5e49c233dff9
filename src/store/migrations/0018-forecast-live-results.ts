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
/*
 * opportunity_won_stage_entries: one row per won deal and stage entry before its win, with its gaps to the win in
 * days as the float8 values stage-win-timing.ts computed per row (ge from the stay's end, gs from its start). That
 * query looked up each deal won in the last 365 days in the stage spans (17k deals, 87k entries on the 200-rep
 * store: about 250 ms, the forecast's largest input); now it is one range of an index on closed_at. Kept with
 * opportunity_stage_outcomes (0016): its refresh function, called by the triggers on the spans and on
 * opportunities for every deal they touch, now refreshes both tables, and its truncate trigger empties both.
 */
const WON_STAGE_ENTRIES = [
  `create table opportunity_won_stage_entries (
    opportunity_id bigint not null,
    stage_id bigint not null,
    pipeline_id bigint not null,
    closed_at timestamptz not null,
    ge float8 not null,
    gs float8 not null
  )`,
  `create index opportunity_won_stage_entries_deal_idx on opportunity_won_stage_entries (opportunity_id)`,
  `create or replace function opportunity_stage_outcomes_refresh(ids bigint[]) returns void language plpgsql as $$
  begin
    delete from opportunity_stage_outcomes where opportunity_id = any(ids);
    insert into opportunity_stage_outcomes (opportunity_id, stage_id, pipeline_id, owner_id, won, closed_at, days)
    select o.id, e.stage_id, o.pipeline_id, o.owner_id, o.status = 'won', o.closed_at,
      sum(extract(epoch from least(coalesce(e.left_at, o.closed_at), o.closed_at) - e.changed_at)) / 86400
    from opportunities o
    join opportunity_stage_spans e on e.opportunity_id = o.id and e.is_entry and e.changed_at < o.closed_at
    where o.id = any(ids) and o.status in ('won', 'lost') and o.closed_at is not null
    group by o.id, e.stage_id;
    delete from opportunity_won_stage_entries where opportunity_id = any(ids);
    insert into opportunity_won_stage_entries (opportunity_id, stage_id, pipeline_id, closed_at, ge, gs)
    select o.id, e.stage_id, o.pipeline_id, o.closed_at,
      extract(epoch from o.closed_at - least(coalesce(e.left_at, o.closed_at), o.closed_at))::float8 / 86400,
      extract(epoch from o.closed_at - e.changed_at)::float8 / 86400
    from opportunities o
    join opportunity_stage_spans e on e.opportunity_id = o.id and e.is_entry and e.changed_at < o.closed_at
    where o.id = any(ids) and o.status = 'won' and o.closed_at is not null;
  end $$`,
  `create or replace function opportunity_stage_outcomes_truncate() returns trigger language plpgsql as $$
  begin
    delete from opportunity_stage_outcomes;
    delete from opportunity_won_stage_entries;
    return null;
  end $$`,
  `insert into opportunity_won_stage_entries (opportunity_id, stage_id, pipeline_id, closed_at, ge, gs)
    select o.id, e.stage_id, o.pipeline_id, o.closed_at,
      extract(epoch from o.closed_at - least(coalesce(e.left_at, o.closed_at), o.closed_at))::float8 / 86400,
      extract(epoch from o.closed_at - e.changed_at)::float8 / 86400
    from opportunities o
    join opportunity_stage_spans e on e.opportunity_id = o.id and e.is_entry and e.changed_at < o.closed_at
    where o.status = 'won' and o.closed_at is not null`,
  `create index opportunity_won_stage_entries_closed_idx on opportunity_won_stage_entries (closed_at)
    include (opportunity_id, pipeline_id, stage_id, ge, gs)`,
  `analyze opportunity_won_stage_entries`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of WON_STAGE_ENTRIES) await sql.raw(statement).execute(db);
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
