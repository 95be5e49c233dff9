import { sql } from 'kysely';
import { localDateToInstant } from '../../../../domain/calendar/zoned.ts';
import { pipelineAmountsAtSql } from '../../pipeline-at-date.ts';
import { toWorkspaceCurrency } from '../../money/to-workspace-currency.ts';
import type { Fragment, SourceContext, SourceSpec } from '../source-spec.ts';

/** The instant the snapshot is taken: the end of the range, or now for a range not yet over. */
const snapshotAt = (ctx: SourceContext) =>
  new Date(Math.min(localDateToInstant(ctx.toExclusive, ctx.timeZone).getTime() - 1, ctx.now.getTime()));

/** A deal's amount in the workspace currency by the rate of the snapshot's local date (today's for the open pipeline). */
const amount = (ctx: SourceContext) =>
  toWorkspaceCurrency(
    sql`p.amount_minor`,
    sql`p.currency`,
    sql`(${snapshotAt(ctx).toISOString()}::timestamptz at time zone ${ctx.timeZone})::date`,
    ctx.currency,
  );

/** A column of the deal itself, for a filter: a probe per row, paid only by a filtered query. */
const ofDeal = (expr: Fragment) => sql`(select ${expr} from opportunities o where o.id = p.opportunity_id)`;

/** The deal, joined for a split by one of its columns (hashed once, where a probe per row would repeat). */
const dealJoin = sql`join opportunities o on o.id = p.opportunity_id`;

/** Opportunities open at the end of the range (rebuilt from history for past ranges), credited to their owner then. */
export const opportunitiesOpenAtEndSource: SourceSpec = {
  name: 'opportunities_open_at_end',
  mode: 'snapshot',
  from: (ctx) =>
    sql`${pipelineAmountsAtSql(new Date(localDateToInstant(ctx.toExclusive, ctx.timeZone).getTime() - 1), ctx.now)} p
      left join users u on u.id = p.owner_id`,
  where: () => [],
  owner: sql`p.owner_id`,
  team: sql`u.team_id`,
  timeColumns: {},
  columns: (ctx) => ({
    type: ofDeal(sql`o.type`),
    amount: amount(ctx),
    weighted_amount: sql`(${amount(ctx)} * p.probability_pct / 100.0)`,
  }),
  filterColumns: {
    pipeline: sql`p.pipeline_id`,
    opportunityType: ofDeal(sql`o.type`),
    leadSource: ofDeal(sql`o.lead_source`),
  },
  // As the deal stood at the end of the range (type, pipeline and lead source are not versioned, so today's);
  // the product is read from the deal, which the rebuilt pipeline does not carry.
  dimensions: {
    lead_source: { expr: sql`o.lead_source`, join: dealJoin },
    deal_type: { expr: sql`o.type`, join: dealJoin },
    pipeline: sql`p.pipeline_id`,
    product: { expr: sql`o.product`, join: dealJoin },
  },
};
