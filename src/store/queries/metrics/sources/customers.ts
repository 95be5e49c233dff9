import { sql } from 'kysely';
import { toWorkspaceCurrency } from '../../money/to-workspace-currency.ts';
import type { SourceContext, SourceSpec } from '../source-spec.ts';

/** Average month length in days, for tenure and observed revenue. */
const MONTH_DAYS = 30.4375;

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
 * Customers started before the end of the range, credited to the rep who acquired them. Subscription revenue is in
 * the workspace currency (another currency converted by mrrInCurrency). Dates are local calendar dates; ended_at is the first day no longer a customer.
 */
export const customersSource: SourceSpec = {
  name: 'customers',
  mode: 'snapshot',
  from: (ctx) => sql`customers c left join users u on u.id = c.acquired_by
    left join lateral (
      select
        coalesce(sum(s.mrr) filter (where s.end_date is null or s.end_date >= ${ctx.toExclusive}::date), 0) as mrr_at_end,
        coalesce(sum(s.mrr * (least(coalesce(s.end_date, ${ctx.toExclusive}::date), ${ctx.toExclusive}::date) - s.start_date)
          / ${MONTH_DAYS}::numeric), 0) as lifetime_revenue
      from (select s.*, ${mrrInCurrency(ctx)} as mrr from subscriptions s) s
      where s.customer_id = c.id and s.start_date < ${ctx.toExclusive}::date
    ) sub on true`,
  where: (ctx) => [sql`c.started_at < ${ctx.toExclusive}::date`],
  owner: sql`c.acquired_by`,
  team: sql`u.team_id`,
  timeColumns: {},
  columns: (ctx) => {
    const from = sql`${ctx.from}::date`;
    const end = sql`${ctx.toExclusive}::date`;
    const endedInPeriod = sql`(c.ended_at >= ${from} and c.ended_at < ${end})`;
    const activeAtEnd = sql`(c.ended_at is null or c.ended_at >= ${end})`;
    return {
      started_in_period: sql`(c.started_at >= ${from})`,
      ended_in_period: endedInPeriod,
      active_at_start: sql`(c.started_at < ${from} and (c.ended_at is null or c.ended_at >= ${from}))`,
      active_at_end: activeAtEnd,
      tenure_counted: sql`(${activeAtEnd} or ${endedInPeriod})`,
      tenure_months: sql`((least(coalesce(c.ended_at, ${end}), ${end}) - c.started_at) / ${MONTH_DAYS}::numeric)`,
      mrr_at_end: sql`sub.mrr_at_end`,
      lifetime_revenue: sql`sub.lifetime_revenue`,
    };
  },
  filterColumns: {},
};
