import { sql } from 'kysely';
import type { SourceContext, SourceSpec } from '../source-spec.ts';

/**
 * The statement-period test shared by this source and the commission side of `costs`: a locked or paid statement
 * (drafts may still change) in the workspace currency whose whole period lies inside the range. A quarterly
 * statement therefore counts in a quarter or a year, not in its months: its payout cannot be placed in one month.
 */
export function statementInRange(alias: string, ctx: SourceContext) {
  const s = sql.ref(alias);
  return sql`${s}.status in ('locked', 'paid')
    and ${s}.period_start >= ${ctx.from}::date
    and ${s}.period_end <= ${ctx.toExclusive}::date
    and ${s}.currency = ${ctx.currency}`;
}

/**
 * Commission statements (docs/commissions.md): one row per person and plan period, with the payout and the
 * credited revenue it was computed on. Per rep (the statement's person) and team (their current team).
 */
export const commissionStatementsSource: SourceSpec = {
  name: 'commission_statements',
  mode: 'snapshot',
  from: () => sql`commission_statements cs left join users u on u.id = cs.user_id`,
  where: (ctx) => [statementInRange('cs', ctx)],
  owner: sql`cs.user_id`,
  team: sql`u.team_id`,
  timeColumns: {},
  columns: () => ({
    payout: sql`cs.payout_minor`,
    credited: sql`cs.credited_minor`,
  }),
  filterColumns: {},
};
