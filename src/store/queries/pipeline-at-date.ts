import { sql } from 'kysely';
import type { Viewer } from '../../domain/access/viewer.ts';
import type { ForecastCategory, OpportunityType } from '../schema.ts';
import type { Db } from '../db.ts';
import { inList } from '../sql/lists.ts';
import { localDateOf, minorOrNull } from './money/listed-amounts.ts';
import { toWorkspaceCurrency } from './money/to-workspace-currency.ts';

/** Optional restrictions on the pipeline snapshot. */
export interface PipelineFilters {
  pipelineIds?: number[];
  opportunityTypes?: OpportunityType[];
  leadSources?: string[];
  userIds?: number[];
}

/** One opportunity as it stood at the snapshot instant. */
export interface PipelineEntry {
  opportunityId: number;
  name: string;
  ownerId: number | null;
  pipelineId: number;
  stageId: number;
  probabilityPct: number;
  amountMinor: number;
  currency: string;
  /**
   * amountMinor in the workspace currency by the rate of the snapshot's local date (today's when `at` is not in
   * the past); null when no rate is in effect then (rateNotice names such currencies).
   */
  workspaceAmountMinor: number | null;
  type: OpportunityType;
  leadSource: string | null;
  expectedCloseDate: string | null;
  forecastCategory: ForecastCategory;
  createdAt: Date;
}

/**
 * SQL for the opportunities open at instant `at`, one row per opportunity with the stage, amount, owner, close
 * date and forecast category of its last history row at or before `at` (the current values when it has none, or
 * when `at` is not in the past), read from the maintained opportunity_stage_spans. Columns: opportunity_id, name, owner_id, pipeline_id, stage_id, probability_pct,
 * amount_minor, currency, type, lead_source, expected_close_date, forecast_category, created_at.
 * Shared by the metrics engine (pipeline_value, weighted_pipeline) and forecasting.
 */
export function pipelineAtDateSql(at: Date, now: Date = new Date()) {
  const atIso = at.toISOString();
  if (at.getTime() >= now.getTime()) {
    return sql`(select o.id as opportunity_id, o.name, o.owner_id, o.pipeline_id, o.stage_id, s.probability_pct,
        o.amount_minor, o.currency, o.type, o.lead_source, o.expected_close_date, o.forecast_category, o.created_at
      from opportunities o join stages s on s.id = o.stage_id
      where o.status = 'open' and o.created_at <= ${atIso}::timestamptz)`;
  }
  // The span whose [valid_from, valid_to) contains `at` is the deal's state then, already cut to its life
  // [created_at, closed_at) (see migration 0011): one GiST range lookup instead of a history lookup per deal.
  return sql`(select o.id as opportunity_id, o.name, sp.owner_id, o.pipeline_id, sp.stage_id, s.probability_pct,
        sp.amount_minor, o.currency, o.type, o.lead_source, sp.expected_close_date, sp.forecast_category, o.created_at
      from opportunity_stage_spans sp
      join opportunities o on o.id = sp.opportunity_id
      join stages s on s.id = sp.stage_id
      where tstzrange(sp.valid_from, sp.valid_to) @> ${atIso}::timestamptz and not s.is_won and not s.is_lost)`;
}

/**
 * The amounts of pipelineAtDateSql(at, now) alone, for the metrics engine's pipeline totals: opportunity_id,
 * owner_id, pipeline_id, stage_id, probability_pct, amount_minor, currency, the same rows and values. A past
 * snapshot reads only the spans (they carry the deal's pipeline and currency, refreshed with it, see 0011): joining
 * every span to its deal for columns a total never reads cost 4.6k probes or a hash of every deal, about four
 * fifths of the 200-rep quarter's statement (docs/performance.md). Type, lead source and product are read from
 * the deal by the caller, only when a filter or split needs them.
 */
export function pipelineAmountsAtSql(at: Date, now: Date = new Date()) {
  const atIso = at.toISOString();
  if (at.getTime() >= now.getTime()) {
    return sql`(select o.id as opportunity_id, o.owner_id, o.pipeline_id, o.stage_id, s.probability_pct,
        o.amount_minor, o.currency
      from opportunities o join stages s on s.id = o.stage_id
      where o.status = 'open' and o.created_at <= ${atIso}::timestamptz)`;
  }
  return sql`(select sp.opportunity_id, sp.owner_id, sp.pipeline_id, sp.stage_id, s.probability_pct,
        sp.amount_minor, sp.currency
      from opportunity_stage_spans sp
      join stages s on s.id = sp.stage_id
      where tstzrange(sp.valid_from, sp.valid_to) @> ${atIso}::timestamptz and not s.is_won and not s.is_lost)`;
}

/**
 * The past branch of pipelineAtDateSql for several instants at once (a backtest's checkpoints), with
 * instant_index: the 1-based position of the instant in `ats`. Same columns and rows as pipelineAtDateSql(at)
 * for each instant before now.
 */
export function pipelineAtInstantsSql(ats: readonly Date[]) {
  return sql`(select c.i as instant_index, o.id as opportunity_id, o.name, sp.owner_id, o.pipeline_id, sp.stage_id,
        s.probability_pct, sp.amount_minor, o.currency, o.type, o.lead_source, sp.expected_close_date,
        sp.forecast_category, o.created_at
      from unnest(${sql.val(ats.map((at) => at.toISOString()))}::timestamptz[]) with ordinality c(at, i)
      join opportunity_stage_spans sp on tstzrange(sp.valid_from, sp.valid_to) @> c.at
      join opportunities o on o.id = sp.opportunity_id
      join stages s on s.id = sp.stage_id
      where not s.is_won and not s.is_lost)`;
}

/**
 * The opportunities open at instant `at` that the viewer may see ("pipeline as of date"), largest first in the
 * workspace currency (deals without a rate last, then by their own amount).
 */
export async function pipelineAtDate(
  db: Db,
  viewer: Viewer,
  at: Date,
  filters: PipelineFilters = {},
  now: Date = new Date(),
): Promise<PipelineEntry[]> {
  const where = [sql`true`];
  if (viewer.visibleUserIds !== null) {
    const visible = viewer.visibleUserIds;
    const ownerTest = inList('p.owner_id', visible);
    where.push(viewer.role === 'rep' ? ownerTest : sql`(${ownerTest} or p.owner_id is null)`);
  }
  if (filters.pipelineIds?.length) where.push(inList('p.pipeline_id', filters.pipelineIds));
  if (filters.opportunityTypes?.length) where.push(inList('p.type', filters.opportunityTypes));
  if (filters.leadSources?.length) where.push(inList('p.lead_source', filters.leadSources));
  if (filters.userIds?.length) where.push(inList('p.owner_id', filters.userIds));
  // The snapshot's own date converts it: a past pipeline by the rates of that day, the live one by today's.
  const rateAt = at.getTime() < now.getTime() ? at : now;
  const r = await sql<{
    opportunity_id: number;
    name: string;
    owner_id: number | null;
    pipeline_id: number;
    stage_id: number;
    probability_pct: number;
    amount_minor: number;
    currency: string;
    workspace_amount_minor: string | null;
    type: OpportunityType;
    lead_source: string | null;
    expected_close_date: string | null;
    forecast_category: ForecastCategory;
    created_at: Date;
  }>`with z as (select time_zone as tz, currency from settings where id = 1),
     listed as (
       select p.*, ${toWorkspaceCurrency(sql`p.amount_minor`, sql`p.currency`, localDateOf(rateAt, sql`z.tz`), sql`z.currency`)}::bigint
         as converted
       from ${pipelineAtDateSql(at, now)} p cross join z where ${sql.join(where, sql` and `)}
     )
     select l.*, l.converted::text as workspace_amount_minor from listed l
     order by l.converted desc nulls last, l.amount_minor desc, l.opportunity_id`.execute(db);
  return r.rows.map((row) => ({
    opportunityId: row.opportunity_id,
    name: row.name,
    ownerId: row.owner_id,
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    probabilityPct: Number(row.probability_pct),
    amountMinor: row.amount_minor,
    currency: row.currency.trim(),
    workspaceAmountMinor: minorOrNull(row.workspace_amount_minor),
    type: row.type,
    leadSource: row.lead_source,
    expectedCloseDate: row.expected_close_date,
    forecastCategory: row.forecast_category,
    createdAt: row.created_at,
  }));
}
