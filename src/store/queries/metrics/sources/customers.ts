import { sql } from 'kysely';
import type { SourceSpec } from '../source-spec.ts';

/** Average month length in days, for tenure and observed revenue. */
export const MONTH_DAYS = 30.4375;

/**
 * Customers started before the end of the range, credited to the rep who acquired them. Dates are local calendar
 * dates; ended_at is the first day no longer a customer. Their subscriptions' revenue is the
 * customer_subscriptions source: a sum per customer here (a lateral aggregate of every customer's subscriptions)
 * cost 14k aggregates for the 200-rep quarter, about nine tenths of this statement (docs/performance.md).
 */
export const customersSource: SourceSpec = {
  name: 'customers',
  mode: 'snapshot',
  from: () => sql`customers c left join users u on u.id = c.acquired_by`,
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
    };
  },
  filterColumns: {},
};
