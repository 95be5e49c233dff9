import { sql, type Kysely } from 'kysely';

/**
 * opportunity_stage_spans: the intervals each opportunity spent in one state (stage, owner, amount, close date,
 * forecast category), maintained from opportunities and opportunity_history by triggers, so "the pipeline at
 * instant t" is one range lookup and the stage funnel one index range scan instead of a sort of all history.
 *
 * One row per history row (seq 1.. in (changed_at, id) order) plus seq 0, the state before the first history row
 * (the opportunity's current values, as pipeline-at-date reads a deal without history). The values are the ones
 * pipeline-at-date has always used: the history row's, falling back to the opportunity's where the row has none.
 *
 * [valid_from, valid_to) is the set of instants at which pipeline-at-date reads that row: from the row's
 * changed_at (seq 0: from the start) to the next row's, cut to the deal's life [created_at, closed_at). valid_to
 * is null while the deal is open and the row is its last. A row that is never read (a same-instant predecessor,
 * history before creation or after closing) keeps an empty interval (valid_to = valid_from) but stays: the funnel
 * needs every history row's stage entry.
 *
 * Funnel columns, on history rows only: is_entry (the stage differs from the previous history row's), left_at (the
 * next entry's changed_at), advanced and won (the stage funnel's flags, see stage-funnel.ts). The flags depend on
 * stage positions and won/lost flags, so a change to those recomputes the spans of the deals in that pipeline.
 *
 * Forecast columns, on history rows only: first_in_stage (the deal's first history row in this stage: the stage
 * was reached before closing iff this row is dated before closed_at, so stage outcomes count rows, not distinct
 * deals) and first_close_date (the deal's first history row that carries a close date; expected_close_date is
 * then that row's own date): the close-slippage statistics' "first recorded close date".
 *
 * Maintenance: statement-level AFTER triggers with transition tables on opportunities, opportunity_history and
 * stages collect the touched opportunity ids and call opportunity_stage_spans_refresh(ids), which deletes and
 * re-derives those deals' rows set-based, in the writing transaction (import, API, demo COPY alike). PostgreSQL
 * allows transition tables only on single-event triggers, hence one trigger per event.
 *
 * Each statement is one element below (not split by run-statements.ts, since function bodies contain semicolons).
 */
const STATEMENTS = [
  `create table opportunity_stage_spans (
    opportunity_id bigint not null,
    seq integer not null,
    history_id bigint,
    pipeline_id bigint not null,
    stage_id bigint not null,
    owner_id bigint,
    amount_minor bigint not null,
    currency char(3) not null,
    expected_close_date date,
    forecast_category text not null,
    changed_at timestamptz,
    valid_from timestamptz not null,
    valid_to timestamptz,
    is_entry boolean not null default false,
    left_at timestamptz,
    advanced boolean,
    won boolean,
    first_in_stage boolean not null default false,
    first_close_date boolean not null default false,
    primary key (opportunity_id, seq),
    check (valid_to is null or valid_to >= valid_from)
  )`,

  // The derivation, for the given deals only. `h` numbers the history rows; `states` is seq 0 plus one row per
  // history row with its raw interval; `entries` computes the funnel flags exactly as stage-funnel.ts did over
  // the whole history (window frames on changed_at, peers excluded for "later").
  `create function opportunity_stage_spans_refresh(ids bigint[]) returns void language plpgsql as $$
  begin
    delete from opportunity_stage_spans where opportunity_id = any(ids);
    insert into opportunity_stage_spans (opportunity_id, seq, history_id, pipeline_id, stage_id, owner_id,
      amount_minor, currency, expected_close_date, forecast_category, changed_at, valid_from, valid_to, is_entry,
      left_at, advanced, won, first_in_stage, first_close_date)
    with o as (
      select * from opportunities where id = any(ids)
    ), h as (
      select oh.id, oh.opportunity_id, oh.changed_at, oh.stage_id, oh.amount_minor, oh.owner_id,
        oh.expected_close_date, oh.forecast_category,
        row_number() over w as seq,
        lead(oh.changed_at) over w as next_at,
        lag(oh.stage_id) over w as prev_stage,
        row_number() over (partition by oh.opportunity_id, oh.stage_id order by oh.changed_at, oh.id) = 1
          as first_in_stage,
        oh.expected_close_date is not null and row_number() over (
          partition by oh.opportunity_id, oh.expected_close_date is not null order by oh.changed_at, oh.id) = 1
          as first_close_date
      from opportunity_history oh
      where oh.opportunity_id = any(ids)
      window w as (partition by oh.opportunity_id order by oh.changed_at, oh.id)
    ), states as (
      select o.id as opportunity_id, 0::bigint as seq, null::bigint as history_id, o.stage_id, o.owner_id,
        o.amount_minor, o.expected_close_date, o.forecast_category, null::timestamptz as changed_at,
        null::timestamptz as raw_from, first.changed_at as raw_to, false as is_entry, false as first_in_stage,
        false as first_close_date
      from o left join h first on first.opportunity_id = o.id and first.seq = 1
      union all
      select h.opportunity_id, h.seq, h.id, h.stage_id, coalesce(h.owner_id, o.owner_id),
        coalesce(h.amount_minor, o.amount_minor), coalesce(h.expected_close_date, o.expected_close_date),
        coalesce(h.forecast_category, o.forecast_category), h.changed_at, h.changed_at, h.next_at,
        h.prev_stage is distinct from h.stage_id, h.first_in_stage, h.first_close_date
      from h join o on o.id = h.opportunity_id
    ), entries as (
      select st.opportunity_id, st.seq,
        lead(st.changed_at) over (partition by st.opportunity_id order by st.changed_at, st.history_id) as left_at,
        s.position, bool_or(s.is_won) over later as later_won,
        max(case when not s.is_lost then s.position end) over later as later_position,
        bool_or(s.is_won) over (partition by st.opportunity_id order by st.changed_at
          range between current row and unbounded following) as won
      from states st join stages s on s.id = st.stage_id
      where st.is_entry
      window later as (partition by st.opportunity_id order by st.changed_at
        range between current row and unbounded following exclude group)
    ), clipped as (
      select st.*, greatest(st.raw_from, o.created_at) as lo, least(st.raw_to, o.closed_at) as hi
      from states st join o on o.id = st.opportunity_id
    )
    select c.opportunity_id, c.seq, c.history_id, o.pipeline_id, c.stage_id, c.owner_id, c.amount_minor,
      o.currency, c.expected_close_date, c.forecast_category, c.changed_at, c.lo,
      case when c.hi < c.lo then c.lo else c.hi end,
      c.is_entry, e.left_at, coalesce(e.later_won or e.later_position > e.position, false), e.won,
      c.first_in_stage, c.first_close_date
    from clipped c
    join o on o.id = c.opportunity_id
    left join entries e on e.opportunity_id = c.opportunity_id and e.seq = c.seq;
  end $$`,

  // Opportunities: only changes to the columns the spans read cost a refresh (updated_at touches do not).
  `create function opportunity_stage_spans_from_opportunities() returns trigger language plpgsql as $$
  begin
    if tg_op = 'INSERT' then
      perform opportunity_stage_spans_refresh(array(select id from new_rows));
    elsif tg_op = 'DELETE' then
      delete from opportunity_stage_spans where opportunity_id in (select id from old_rows);
    else
      -- Set operations, not joins: transition tables have no statistics, and a nested loop over a whole-table
      -- update (68k rows) ran for minutes. EXCEPT hashes; it keeps rows whose read columns changed (or whose id
      -- is new), then the ids an update took away.
      perform opportunity_stage_spans_refresh(array(
        select id from (
          select id, pipeline_id, stage_id, owner_id, amount_minor, currency, expected_close_date, forecast_category,
            created_at, closed_at from new_rows
          except
          select id, pipeline_id, stage_id, owner_id, amount_minor, currency, expected_close_date, forecast_category,
            created_at, closed_at from old_rows) changed
        union
        (select id from old_rows except select id from new_rows)));
    end if;
    return null;
  end $$`,
  `create trigger opportunity_stage_spans_ins after insert on opportunities
    referencing new table as new_rows for each statement
    execute function opportunity_stage_spans_from_opportunities()`,
  `create trigger opportunity_stage_spans_upd after update on opportunities
    referencing old table as old_rows new table as new_rows for each statement
    execute function opportunity_stage_spans_from_opportunities()`,
  `create trigger opportunity_stage_spans_del after delete on opportunities
    referencing old table as old_rows for each statement
    execute function opportunity_stage_spans_from_opportunities()`,
  `create function opportunity_stage_spans_truncate() returns trigger language plpgsql as $$
  begin
    delete from opportunity_stage_spans;
    return null;
  end $$`,
  `create trigger opportunity_stage_spans_trunc after truncate on opportunities
    for each statement execute function opportunity_stage_spans_truncate()`,

  `create function opportunity_stage_spans_from_history() returns trigger language plpgsql as $$
  begin
    if tg_op = 'INSERT' then
      perform opportunity_stage_spans_refresh(array(select distinct opportunity_id from new_rows));
    elsif tg_op = 'DELETE' then
      perform opportunity_stage_spans_refresh(array(select distinct opportunity_id from old_rows));
    else
      perform opportunity_stage_spans_refresh(array(
        select opportunity_id from new_rows union select opportunity_id from old_rows));
    end if;
    return null;
  end $$`,
  `create trigger opportunity_stage_spans_ins after insert on opportunity_history
    referencing new table as new_rows for each statement
    execute function opportunity_stage_spans_from_history()`,
  `create trigger opportunity_stage_spans_upd after update on opportunity_history
    referencing old table as old_rows new table as new_rows for each statement
    execute function opportunity_stage_spans_from_history()`,
  `create trigger opportunity_stage_spans_del after delete on opportunity_history
    referencing old table as old_rows for each statement
    execute function opportunity_stage_spans_from_history()`,

  // Stages: a new position or won/lost flag changes the funnel flags of that pipeline's deals (probabilities and
  // names are read at query time and cost nothing here).
  `create function opportunity_stage_spans_from_stages() returns trigger language plpgsql as $$
  begin
    perform opportunity_stage_spans_refresh(array(
      select distinct sp.opportunity_id from opportunity_stage_spans sp
      where sp.pipeline_id in (
        select pipeline_id from (
          select id, pipeline_id, position, is_won, is_lost from new_rows
          except
          select id, pipeline_id, position, is_won, is_lost from old_rows) changed
        union
        select pipeline_id from (
          select id, pipeline_id, position, is_won, is_lost from old_rows
          except
          select id, pipeline_id, position, is_won, is_lost from new_rows) was)));
    return null;
  end $$`,
  `create trigger opportunity_stage_spans_upd after update on stages
    referencing old table as old_rows new table as new_rows for each statement
    execute function opportunity_stage_spans_from_stages()`,

  // Backfill every deal, then the indexes (built once over the filled table).
  `select opportunity_stage_spans_refresh(array(select id from opportunities))`,
  // "Open at instant t": a GiST range lookup (tstzrange(valid_from, null) is unbounded above; empty rows never match).
  `create index opportunity_stage_spans_during_idx on opportunity_stage_spans
    using gist (tstzrange(valid_from, valid_to))`,
  // The stage funnel: entries of one pipeline in a period.
  `create index opportunity_stage_spans_entries_idx on opportunity_stage_spans (pipeline_id, changed_at)
    where is_entry`,
  // Forecast inputs: the two "first row" flags, looked up per closed deal.
  `create index opportunity_stage_spans_first_in_stage_idx on opportunity_stage_spans (opportunity_id)
    include (stage_id, changed_at) where first_in_stage`,
  `create index opportunity_stage_spans_first_close_date_idx on opportunity_stage_spans (opportunity_id)
    include (expected_close_date) where first_close_date`,
  `analyze opportunity_stage_spans`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
