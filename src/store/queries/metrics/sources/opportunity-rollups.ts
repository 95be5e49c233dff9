import { sql } from 'kysely';
import type { Aggregate } from '../../../../domain/metrics/definition.ts';
import { filterClauseIfKnown } from '../compile-aggregate.ts';
import { assertNever } from '../../../../errors.ts';
import { otherCurrency } from '../../money/to-workspace-currency.ts';
import type { RollupSpec, SourceContext } from '../source-spec.ts';
import { amountInCurrency, cycleDays } from './opportunity-amount.ts';

/*
 * The opportunity rollups of migration 0015 (docs/performance.md, "Maintained aggregates"). Their columns are the
 * closed and created sources' formulas rewritten over the rollup keys, so a part reads the same deals either way;
 * a part on any other column, or an aggregate these cannot rewrite, stays on the raw rows.
 */

/**
 * Closed-source columns over opportunity_closed_days. `amount` is the row's summed amount in the workspace currency;
 * deals in another currency come one row each from the raw table, converted by the source's own expression (see
 * `from`), so sums and "amount is not null" read alike.
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
  // Workspace-currency rows from the rollup, plus the (few) deals in other currencies from the raw table, one row
  // each (n = 1): a rounded conversion of a day's sum would not equal the sum of each deal's rounded conversion,
  // nor could a stored sum follow a rate edited later. The rollup is read only while its zone is the workspace's.
  from: (ctx: SourceContext) => sql`(
      select d.day, d.owner_id, d.status, d.type, d.pipeline_id, d.lead_source, d.cycle_days, d.n,
        d.amount_minor as amount
      from opportunity_closed_days d where d.currency = ${ctx.currency}
      union all
      select (o.closed_at at time zone ${ctx.timeZone})::date, o.owner_id, o.status, o.type, o.pipeline_id,
        o.lead_source, ${cycleDays(ctx)}, 1, ${amountInCurrency(ctx)}
      from opportunities o
      where ${otherCurrency(sql`o.currency`, ctx.currency)} and o.status in ('won', 'lost')
        -- The range as instants: the same deals as its local dates, without converting every deal's instant to
        -- the zone first (that cost 30 ms for 3,400 deals in another currency on the 200-rep store).
        and o.closed_at >= (${ctx.from}::date)::timestamp at time zone ${ctx.timeZone}
        and o.closed_at < (${ctx.toExclusive}::date)::timestamp at time zone ${ctx.timeZone}
    ) r left join users u on u.id = r.owner_id`,
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
