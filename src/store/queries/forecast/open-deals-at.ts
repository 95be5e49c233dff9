import { sql } from 'kysely';
import type { DealCategory, DealType, ForecastDeal } from '../../../domain/forecast/types.ts';
import type { Db } from '../../db.ts';
import { pipelineAtDateSql } from '../pipeline-at-date.ts';

/**
 * The open pipeline at instant `at` as forecast deals: today's rows when `at` is not before `now`, otherwise
 * rebuilt from opportunity_history (see pipeline-at-date.ts). Company-wide: callers narrow to a scope and filter
 * deal lines by viewer before showing them.
 */
export async function openDealsAt(db: Db, at: Date, now: Date, timeZone: string): Promise<ForecastDeal[]> {
  const r = await sql<{
    opportunity_id: number;
    owner_id: number | null;
    pipeline_id: number;
    stage_id: number;
    probability_pct: number;
    amount_minor: number;
    type: DealType;
    forecast_category: DealCategory;
    forecast_amount_minor: number | null;
    expected_close_date: string | null;
    created_date: string;
  }>`select p.opportunity_id, p.owner_id, p.pipeline_id, p.stage_id, p.probability_pct, p.amount_minor, p.type,
        p.forecast_category, o.forecast_amount_minor, p.expected_close_date,
        (p.created_at at time zone ${timeZone})::date as created_date
      from ${pipelineAtDateSql(at, now)} p join opportunities o on o.id = p.opportunity_id
      order by p.opportunity_id`.execute(db);
  return r.rows.map((row) => ({
    id: row.opportunity_id,
    ownerId: row.owner_id,
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    type: row.type,
    amount: row.amount_minor,
    probability: Number(row.probability_pct) / 100,
    category: row.forecast_category,
    // The per-deal forecast amount has no history; it only applies to today's pipeline.
    forecastAmount: at.getTime() >= now.getTime() ? row.forecast_amount_minor : null,
    expectedCloseDate: row.expected_close_date,
    createdDate: row.created_date,
  }));
}
