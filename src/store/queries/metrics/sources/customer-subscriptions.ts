import { sql } from 'kysely';
import { toWorkspaceCurrency } from '../../money/to-workspace-currency.ts';
import type { SourceContext, SourceSpec } from '../source-spec.ts';
import { MONTH_DAYS } from './customers.ts';

/**
 * A subscription's MRR in the workspace currency by the rate of the snapshot's date (the range's last day, or today
 * while it runs), null without one (docs/localization.md): MRR at the end and observed revenue both read it.
 */
const mrrInCurrency = (ctx: SourceContext) =>
  toWorkspaceCurrency(
    sql`s.mrr_minor`,
    sql`s.currency`,
    sql`least(${ctx.toExclusive}::date - 1, (${ctx.now.toISOString()}::timestamptz at time zone ${ctx.timeZone})::date)`,
    ctx.currency,
  );

/**
 * The subscriptions started before the end of the range of customers started before it, credited to the rep who
 * acquired the customer (customers.ts): one row per subscription, so a customer's revenue is summed with everyone
 * else's in one grouped pass. The same sums as one per customer (numeric addition is exact, and a customer without
 * a subscription or a rate adds nothing either way), for a fraction of the work: the per-customer aggregates were
 * 14k for the 200-rep quarter (docs/performance.md, "Customers, pipeline and leads at the period end").
 */
export const customerSubscriptionsSource: SourceSpec = {
  name: 'customer_subscriptions',
  mode: 'snapshot',
  from: (ctx) => sql`subscriptions s join customers c on c.id = s.customer_id
    left join users u on u.id = c.acquired_by
    cross join lateral (select ${mrrInCurrency(ctx)} as mrr) m`,
  where: (ctx) => [
    sql`c.started_at < ${ctx.toExclusive}::date`,
    sql`s.start_date < ${ctx.toExclusive}::date`,
  ],
  owner: sql`c.acquired_by`,
  team: sql`u.team_id`,
  timeColumns: {},
  columns: (ctx) => {
    const end = sql`${ctx.toExclusive}::date`;
    return {
      // The customer's state, as the customers source has it.
      active_at_end: sql`(c.ended_at is null or c.ended_at >= ${end})`,
      // The subscription's MRR while it still runs at the end (null after it ended or without a rate).
      mrr_at_end: sql`(case when s.end_date is null or s.end_date >= ${end} then m.mrr end)`,
      // MRR x months the subscription ran before the end.
      lifetime_revenue: sql`(m.mrr * (least(coalesce(s.end_date, ${end}), ${end}) - s.start_date) / ${MONTH_DAYS}::numeric)`,
    };
  },
  filterColumns: {},
};
