import { sql } from 'kysely';
import type { Viewer } from '../../domain/access/viewer.ts';
import type { ForecastCategory, OpportunityType } from '../schema.ts';
import type { Db } from '../db.ts';
import { inList } from '../sql/lists.ts';

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
  type: OpportunityType;
  leadSource: string | null;
  expectedCloseDate: string | null;
  forecastCategory: ForecastCategory;
  createdAt: Date;
}

/**
 * SQL for the opportunities open at instant `at`, one row per opportunity with the stage, amount, owner, close
 * date and forecast category of its last history row at or before `at` (the current values when it has none, or
 * when `at` is not in the past). Columns: opportunity_id, name, owner_id, pipeline_id, stage_id, probability_pct,
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
  return sql`(select o.id as opportunity_id, o.name, coalesce(h.owner_id, o.owner_id) as owner_id, o.pipeline_id,
        s.id as stage_id, s.probability_pct, coalesce(h.amount_minor, o.amount_minor) as amount_minor, o.currency,
        o.type, o.lead_source, coalesce(h.expected_close_date, o.expected_close_date) as expected_close_date,
        coalesce(h.forecast_category, o.forecast_category) as forecast_category, o.created_at
      from opportunities o
      left join lateral (
        select oh.stage_id, oh.amount_minor, oh.owner_id, oh.expected_close_date, oh.forecast_category
        from opportunity_history oh
        where oh.opportunity_id = o.id and oh.changed_at <= ${atIso}::timestamptz
        order by oh.changed_at desc, oh.id desc limit 1
      ) h on true
      join stages s on s.id = coalesce(h.stage_id, o.stage_id)
      where o.created_at <= ${atIso}::timestamptz and not s.is_won and not s.is_lost
        and (o.closed_at is null or o.closed_at > ${atIso}::timestamptz))`;
}

/** The opportunities open at instant `at` that the viewer may see ("pipeline as of date"), largest first. */
export async function pipelineAtDate(
  db: Db,
  viewer: Viewer,
  at: Date,
  filters: PipelineFilters = {},
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
  const r = await sql<{
    opportunity_id: number;
    name: string;
    owner_id: number | null;
    pipeline_id: number;
    stage_id: number;
    probability_pct: number;
    amount_minor: number;
    currency: string;
    type: OpportunityType;
    lead_source: string | null;
    expected_close_date: string | null;
    forecast_category: ForecastCategory;
    created_at: Date;
  }>`select * from ${pipelineAtDateSql(at)} p where ${sql.join(where, sql` and `)}
     order by p.amount_minor desc, p.opportunity_id`.execute(db);
  return r.rows.map((row) => ({
    opportunityId: row.opportunity_id,
    name: row.name,
    ownerId: row.owner_id,
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    probabilityPct: Number(row.probability_pct),
    amountMinor: row.amount_minor,
    currency: row.currency.trim(),
    type: row.type,
    leadSource: row.lead_source,
    expectedCloseDate: row.expected_close_date,
    forecastCategory: row.forecast_category,
    createdAt: row.created_at,
  }));
}
