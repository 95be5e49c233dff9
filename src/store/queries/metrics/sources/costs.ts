import { sql } from 'kysely';
import type { SourceSpec } from '../source-spec.ts';
import { toWorkspaceCurrency } from '../../money/to-workspace-currency.ts';
import { statementAmount, statementInRange } from './commission-statements.ts';

/** Commission lines that are a cost of winning new business (docs/metrics.md, cac). */
const NEW_BUSINESS_COMMISSION_KINDS = ['commission', 'type_rate', 'spif', 'clawback'] as const;

/**
 * What acquiring customers cost, in the workspace currency, as one row per cost (column `kind`):
 * - 'acquisition': acquisition_costs overlapping the range, prorated by the days of overlap (period_end is
 *   inclusive); a cost in another currency converted by the rate of its period's last day (null without one);
 * - 'commission': lines of locked or paid commission statements whose period lies inside the range, of kind
 *   commission, type_rate or spif on new-business deals, and the clawbacks of such lines (negative); a statement
 *   in another currency converted by the rate of its period's last day (statementAmount; null without one).
 * Costs carry a team (acquisition costs their own, commissions the person's current team), not a rep, so this
 * source has no owner and metrics using it have no per-rep value.
 */
export const costsSource: SourceSpec = {
  name: 'costs',
  mode: 'snapshot',
  from: (ctx) => sql`(
    select a.team_id, 'acquisition' as kind,
      (${toWorkspaceCurrency(sql`a.amount_minor`, sql`a.currency`, sql`a.period_end`, ctx.currency)}
        * (least(a.period_end + 1, ${ctx.toExclusive}::date) - greatest(a.period_start, ${ctx.from}::date))::numeric
        / (a.period_end - a.period_start + 1)) as amount
    from acquisition_costs a
    where a.period_start < ${ctx.toExclusive}::date and a.period_end >= ${ctx.from}::date
    union all
    select u.team_id, 'commission' as kind,
      ${statementAmount('cs', sql`l.amount_minor`, ctx)}::numeric as amount
    from commission_statement_lines l
    join commission_statements cs on cs.id = l.statement_id
    join opportunities o on o.id = l.opportunity_id
    left join users u on u.id = cs.user_id
    where ${statementInRange('cs', ctx)}
      and o.type = 'new_business'
      and l.kind in (${sql.join(NEW_BUSINESS_COMMISSION_KINDS.map((k) => sql`${k}`))})
  ) k`,
  where: () => [],
  owner: null,
  team: sql`k.team_id`,
  timeColumns: {},
  columns: () => ({
    amount: sql`k.amount`,
    kind: sql`k.kind`,
  }),
  filterColumns: {},
};
