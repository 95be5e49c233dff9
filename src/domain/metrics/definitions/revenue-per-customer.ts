import type { MetricDefinition } from '../definition.ts';

/** Revenue per customer: won revenue per distinct customer that bought in the period. */
export const revenuePerCustomer = {
  id: 'revenue_per_customer',
  label: 'Revenue per customer',
  description: 'Won revenue per distinct customer that bought in the period.',
  unit: 'money',
  kind: 'ratio',
  formula: 'won revenue / distinct customers with a won deal',
  counts:
    "Numerator: won_revenue (won deals closed in the period, in the workspace currency; a deal in another currency is converted by the exchange rate in effect on its local close date). Denominator: distinct customers among those deals: the deal's account, else its contact, else the deal itself (a deal naming nobody is one customer). A customer who bought twice counts once, so this is not avg_deal_size; a deal in another currency with no rate in effect is left out of both (docs/localization.md). A team's or the company's customers are distinct across its reps, so a customer who bought from two reps counts once there and once for each rep.",
  parts: {
    numerator: {
      source: 'opportunities_closed',
      aggregate: {
        fn: 'sum',
        column: 'amount',
        where: [{ column: 'status', op: 'eq', value: 'won' }],
      },
    },
    denominator: {
      source: 'opportunities_closed',
      aggregate: {
        fn: 'count_distinct',
        column: 'customer',
        where: [
          { column: 'status', op: 'eq', value: 'won' },
          { column: 'amount', op: 'not_null' },
        ],
      },
    },
  },
  additive: false,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
