import { sql } from 'kysely';
import type { Aggregate } from '../../../../domain/metrics/definition.ts';
import { filterClauseIfKnown } from '../compile-aggregate.ts';
import { assertNever } from '../../../../errors.ts';
import type { RollupSpec, SourceContext } from '../source-spec.ts';

/*
 * The opportunity rollups of migration 0015 (docs/performance.md, "Maintained aggregates"). Their columns are the
 * closed and created sources' formulas rewritten over the rollup keys, so a part reads the same deals either way;
 * a part on any other column, or an aggregate these cannot rewrite, stays on the raw rows.
 */

/**
 * Closed-source columns over opportunity_closed_days. `amount` is the row's summed amount in the workspace currency
 * (null in another currency, as the source's per-deal amount is; see `from`), so sums and "amount is not null" read
 * alike.
 */
const closedColumns = {
  status: sql`r.status`,
  type: sql`r.type`,
  amount: sql`r.amount`,
  cycle_days: sql`r.cycle_days`,
};

/** The aggregate over closed-deal rollup rows equal to `agg` over the deals, or null. */
function closedAggregate(agg: Aggregate) {
  const f = filterClauseIfKnown(closedColumns, agg.where);
  if (f === null) return null;
  switch (agg.fn) {
    case 'count':
      return sql`coalesce(sum(r.n)${f}, 0)`;
    case 'sum':
      return agg.column === 'amount' ? sql`coalesce(sum(r.amount)${f}, 0)` : null;
    case 'mean':
      // avg(int) is numeric sum / count; the same division of the same two numbers.
      return agg.column === 'cycle_days'
        ? sql`(sum(r.cycle_days * r.n)${f})::numeric / nullif(sum(r.n)${f}, 0)`
        : null;
    case 'percentile':
      // The group's cycle lengths, each repeated as often as deals had it: the very multiset the raw query orders.
      // (The array aggregates belong to the outer grouped query; the subquery only expands them.)
      return agg.column === 'cycle_days'
        ? sql`(select percentile_cont(${sql.lit(agg.fraction)}) within group (order by t.v)
            from unnest(array_agg(r.cycle_days)${f}, array_agg(r.n)${f}) as t(v, k), generate_series(1, t.k))`
        : null;
    case 'count_distinct':
      return null;
    default:
      return assertNever(agg, 'aggregate');
  }
}

/** Won and lost deals per local close day, owner, status, type, pipeline, lead source, currency and cycle days. */
export const opportunityClosedDays: RollupSpec = {
  name: 'opportunity_closed_days',
  timeColumn: 'closed_at',
  from: (
    ctx: SourceContext,
  ) => sql`(select d.*, case when d.currency = ${ctx.currency} then d.amount_minor end as amount
      from opportunity_closed_days d) r left join users u on u.id = r.owner_id`,
  period: 'day',
  periodStart: sql`r.day`,
  owner: sql`r.owner_id`,
  team: sql`u.team_id`,
  filterColumns: {
    pipeline: sql`r.pipeline_id`,
    opportunityType: sql`r.type`,
    leadSource: sql`r.lead_source`,
  },
  // No product column: a grouping by product reads the raw deals.
  dimensions: { lead_source: sql`r.lead_source`, deal_type: sql`r.type`, pipeline: sql`r.pipeline_id` },
  aggregate: closedAggregate,
};

/** Deals per local creation month, owner, type, pipeline and lead source: counts only. */
export const opportunityCreatedMonths: RollupSpec = {
  name: 'opportunity_created_months',
  timeColumn: 'created_at',
  from: () => sql`opportunity_created_months r left join users u on u.id = r.owner_id`,
  period: 'month',
  periodStart: sql`r.month`,
  owner: sql`r.owner_id`,
  team: sql`u.team_id`,
  filterColumns: {
    pipeline: sql`r.pipeline_id`,
    opportunityType: sql`r.type`,
    leadSource: sql`r.lead_source`,
  },
  dimensions: { lead_source: sql`r.lead_source`, deal_type: sql`r.type`, pipeline: sql`r.pipeline_id` },
  aggregate(agg: Aggregate) {
    const f = filterClauseIfKnown({ type: sql`r.type` }, agg.where);
    if (f === null || agg.fn !== 'count') return null;
    return sql`coalesce(sum(r.n)${f}, 0)`;
  },
};
