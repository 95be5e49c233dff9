import { sql } from 'kysely';
import type { SourceSpec } from '../source-spec.ts';

/** Average month length in days (as for customer tenure). */
const MONTH_DAYS = 30.4375;

/**
 * Sales reps employed at some point of the range (users with role rep and a hire date), for turnover and tenure
 * (docs/coaching.md, "Turnover and tenure"). Dates are local calendar dates: employed from hire_date up to the day
 * before left_on. headcount_share is the share of the range's days the rep was employed, so its sum over reps is
 * the average headcount of the range. A rep counts for their current team.
 */
export const repsSource: SourceSpec = {
  name: 'reps',
  mode: 'snapshot',
  from: () => sql`users u`,
  where: (ctx) => [
    sql`u.role = 'rep'`,
    sql`u.hire_date is not null`,
    sql`u.hire_date < ${ctx.toExclusive}::date`,
    sql`(u.left_on is null or u.left_on > ${ctx.from}::date)`,
    sql`(u.left_on is null or u.left_on > u.hire_date)`,
  ],
  owner: sql`u.id`,
  team: sql`u.team_id`,
  timeColumns: {},
  columns: (ctx) => {
    const from = sql`${ctx.from}::date`;
    const end = sql`${ctx.toExclusive}::date`;
    return {
      left_in_period: sql`(u.left_on is not null and u.left_on < ${end})`,
      headcount_share: sql`((least(coalesce(u.left_on, ${end}), ${end}) - greatest(u.hire_date, ${from}))::numeric
        / (${end} - ${from}))`,
      tenure_months_at_leaving: sql`((u.left_on - u.hire_date) / ${MONTH_DAYS}::numeric)`,
    };
  },
  filterColumns: {},
};
