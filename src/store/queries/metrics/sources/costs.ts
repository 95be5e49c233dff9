import { sql } from 'kysely';
import type { SourceSpec } from '../source-spec.ts';

/**
 * Acquisition costs overlapping the range, prorated by the days of overlap (period_end is inclusive). Costs carry
 * a team, not a rep, so this source has no owner and metrics using it have no per-rep value.
 */
export const costsSource: SourceSpec = {
  name: 'costs',
  mode: 'snapshot',
  from: () => sql`acquisition_costs k`,
  where: (ctx) => [
    sql`k.period_start < ${ctx.toExclusive}::date`,
    sql`k.period_end >= ${ctx.from}::date`,
    sql`k.currency = ${ctx.currency}`,
  ],
  owner: null,
  team: sql`k.team_id`,
  timeColumns: {},
  columns: (ctx) => ({
    amount: sql`(k.amount_minor * (least(k.period_end + 1, ${ctx.toExclusive}::date) - greatest(k.period_start, ${ctx.from}::date))::numeric
      / (k.period_end - k.period_start + 1))`,
  }),
  filterColumns: {},
};
