import { sql } from 'kysely';
import { localDateToInstant } from '../../../../domain/calendar/zoned.ts';
import { pipelineAtDateSql } from '../../pipeline-at-date.ts';
import type { SourceSpec } from '../source-spec.ts';

/** Opportunities open at the end of the range (rebuilt from history for past ranges), credited to their owner then. */
export const opportunitiesOpenAtEndSource: SourceSpec = {
  name: 'opportunities_open_at_end',
  mode: 'snapshot',
  from: (ctx) =>
    sql`${pipelineAtDateSql(new Date(localDateToInstant(ctx.toExclusive, ctx.timeZone).getTime() - 1), ctx.now)} p
      left join users u on u.id = p.owner_id`,
  where: () => [],
  owner: sql`p.owner_id`,
  team: sql`u.team_id`,
  timeColumns: {},
  columns: (ctx) => ({
    type: sql`p.type`,
    amount: sql`(case when p.currency = ${ctx.currency} then p.amount_minor end)`,
    weighted_amount: sql`(case when p.currency = ${ctx.currency} then p.amount_minor * p.probability_pct / 100.0 end)`,
  }),
  filterColumns: {
    pipeline: sql`p.pipeline_id`,
    opportunityType: sql`p.type`,
    leadSource: sql`p.lead_source`,
  },
  // As the deal stood at the end of the range (type, pipeline and lead source are not versioned, so today's);
  // the product is read from the deal, which the rebuilt pipeline does not carry.
  dimensions: {
    lead_source: sql`p.lead_source`,
    deal_type: sql`p.type`,
    pipeline: sql`p.pipeline_id`,
    product: sql`(select o.product from opportunities o where o.id = p.opportunity_id)`,
  },
};
