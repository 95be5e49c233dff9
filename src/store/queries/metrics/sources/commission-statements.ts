import { sql, type RawBuilder } from 'kysely';
import { toWorkspaceCurrency } from '../../money/to-workspace-currency.ts';
import type { SourceContext, SourceSpec } from '../source-spec.ts';

/**
 * The statement-period test shared by this source and the commission side of `costs`: a locked or paid statement
 * (drafts may still change) whose whole period lies inside the range. A quarterly statement therefore counts in a
 * quarter or a year, not in its months: its payout cannot be placed in one month.
 */
export function statementInRange(alias: string, ctx: SourceContext) {
  const s = sql.ref(alias);
  return sql`${s}.status in ('locked', 'paid')
    and ${s}.period_start >= ${ctx.from}::date
    and ${s}.period_end <= ${ctx.toExclusive}::date`;
}

/**
 * An amount of a statement (`alias`: commission_statements) in the workspace currency: as it is when the statement
 * is in it, else converted (toWorkspaceCurrency) by the rate of the statement period's last day (period_end is
 * exclusive), the day its pay is settled; null without a rate, so sums leave the statement out and
 * statementCurrenciesWithoutRate names its currency for the report's warning.
 */
export function statementAmount(alias: string, amount: RawBuilder<unknown>, ctx: SourceContext) {
  const s = sql.ref(alias);
  return toWorkspaceCurrency(amount, sql`${s}.currency::bpchar`, sql`(${s}.period_end - 1)`, ctx.currency);
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
  columns: (ctx) => ({
    payout: statementAmount('cs', sql`cs.payout_minor`, ctx),
    credited: statementAmount('cs', sql`cs.credited_minor`, ctx),
  }),
  filterColumns: {},
};
