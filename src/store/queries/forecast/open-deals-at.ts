import { sql } from 'kysely';
import { toWorkspaceCurrency } from '../money/to-workspace-currency.ts';
import type { DealCategory, DealType, ForecastDeal } from '../../../domain/forecast/types.ts';
import type { Db } from '../../db.ts';
import { pipelineAtDateSql, pipelineAtInstantsSql } from '../pipeline-at-date.ts';

interface Row {
  instant_index: number;
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
  stage_entered_date: string | null;
}

function toDeal(row: Row, present: boolean): ForecastDeal {
  return {
    id: row.opportunity_id,
    ownerId: row.owner_id,
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    type: row.type,
    amount: row.amount_minor,
    probability: Number(row.probability_pct) / 100,
    category: row.forecast_category,
    // The per-deal forecast amount has no history; it only applies to today's pipeline.
    forecastAmount: present ? row.forecast_amount_minor : null,
    expectedCloseDate: row.expected_close_date,
    createdDate: row.created_date,
    stageEnteredDate: row.stage_entered_date,
  };
}

/**
 * The open pipeline at instant `at` as forecast deals: today's rows when `at` is not before `now`, otherwise
 * rebuilt from history (see pipeline-at-date.ts). Company-wide: callers narrow to a scope and filter deal lines
 * by viewer before showing them.
 */
export async function openDealsAt(db: Db, at: Date, now: Date, timeZone: string): Promise<ForecastDeal[]> {
  return (await openDealsAtMany(db, [at], now, timeZone))[0] ?? [];
}

/**
 * openDealsAt for several instants (a backtest's checkpoints): the past ones in one range join on the stage
 * spans, the present one (if any) from today's rows. Element i answers `ats[i]`.
 */
export async function openDealsAtMany(
  db: Db,
  ats: readonly Date[],
  now: Date,
  timeZone: string,
): Promise<ForecastDeal[][]> {
  const out: ForecastDeal[][] = ats.map(() => []);
  const past = ats.flatMap((at, i) => (at.getTime() < now.getTime() ? [{ at, i }] : []));
  // The deal's last entry into the stage it is in at the instant (the stage-age factor's age).
  const entered = (
    at: ReturnType<typeof sql>,
  ) => sql`(select (max(e.changed_at) at time zone ${timeZone})::date
      from opportunity_stage_spans e
      where e.opportunity_id = p.opportunity_id and e.is_entry and e.stage_id = p.stage_id and e.changed_at <= ${at})`;
  // In the workspace currency by the rate of the instant's local date; a deal without a rate is left out (inPlay).
  const amount = (at: ReturnType<typeof sql>) =>
    toWorkspaceCurrency(sql`p.amount_minor`, sql`p.currency`, sql`(${at} at time zone ${timeZone})::date`);
  const inPlay = (at: ReturnType<typeof sql>) => sql`${amount(at)} is not null`;
  const columns = (at: ReturnType<typeof sql>) => sql`p.opportunity_id, p.owner_id, p.pipeline_id, p.stage_id,
    p.probability_pct, ${amount(at)}::bigint as amount_minor, p.type, p.forecast_category, p.expected_close_date,
    (p.created_at at time zone ${timeZone})::date as created_date, ${entered(at)} as stage_entered_date`;
  if (past.length > 0) {
    const isos = sql.val(past.map((p) => p.at.toISOString()));
    // The per-deal forecast amount has no history, so a past instant does not read it (toDeal leaves it null):
    // no second lookup of each deal in opportunities for it.
    const r =
      await sql<Row>`select p.instant_index, ${columns(sql`(${isos}::timestamptz[])[p.instant_index]`)},
        null::bigint as forecast_amount_minor
      from ${pipelineAtInstantsSql(past.map((p) => p.at))} p
      where ${inPlay(sql`(${isos}::timestamptz[])[p.instant_index]`)}
      order by p.instant_index, p.opportunity_id`.execute(db);
    for (const row of r.rows) {
      const slot = past[Number(row.instant_index) - 1];
      if (slot) out[slot.i]?.push(toDeal(row, false));
    }
  }
  for (const [i, at] of ats.entries()) {
    if (at.getTime() < now.getTime()) continue;
    const r = await sql<Row>`select 1 as instant_index, ${columns(sql`${at.toISOString()}::timestamptz`)},
        ${toWorkspaceCurrency(sql`o.forecast_amount_minor`, sql`p.currency`, sql`(${at.toISOString()}::timestamptz at time zone ${timeZone})::date`)}::bigint
          as forecast_amount_minor
      from ${pipelineAtDateSql(at, now)} p join opportunities o on o.id = p.opportunity_id
      where ${inPlay(sql`${at.toISOString()}::timestamptz`)}
      order by p.opportunity_id`.execute(db);
    out[i] = r.rows.map((row) => toDeal(row, true));
  }
  return out;
}
