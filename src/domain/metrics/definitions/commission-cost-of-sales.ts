import type { MetricDefinition } from '../definition.ts';

/** Commission cost of sales: commission paid per unit of credited revenue (docs/commissions.md). */
export const commissionCostOfSales = {
  id: 'commission_cost_of_sales',
  label: 'Commission cost of sales',
  description: 'Commission payouts as a share of the revenue they were earned on.',
  unit: 'ratio',
  kind: 'ratio',
  formula: 'payouts of locked or paid commission statements / credited revenue of those statements',
  counts:
    "Commission statements locked or paid (not drafts) whose whole period lies inside the queried period: a quarterly plan counts in its quarter and year, not its months. In the workspace currency: a statement in another currency is converted by the exchange rate in effect on its period's last day, and left out (with a warning) when none is. Numerator: their payouts (every line: commission, bonuses, SPIFs, clawbacks, adjustments, draws). Denominator: the credited revenue on those statements. Per rep: the statement's person; per team: their current team. A roll-up plan credits a manager with their team's deals again, so a team that includes such managers counts those deals once per credited person.",
  parts: {
    numerator: {
      source: 'commission_statements',
      aggregate: { fn: 'sum', column: 'payout' },
    },
    denominator: {
      source: 'commission_statements',
      aggregate: { fn: 'sum', column: 'credited' },
    },
  },
  additive: false,
  indicator: 'lagging',
  focus: 'efficiency',
  direction: 'lower',
  pay: true,
} satisfies MetricDefinition;
