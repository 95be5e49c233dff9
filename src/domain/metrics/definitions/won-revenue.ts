import type { MetricDefinition } from '../definition.ts';

/** Won revenue: Amount of opportunities won in the period. */
export const wonRevenue = {
  id: 'won_revenue',
  label: 'Won revenue',
  description: 'Amount of opportunities won in the period.',
  unit: 'money',
  kind: 'sum',
  formula: 'sum(amount of won opportunities)',
  counts:
    'Won opportunities closed in the period, all types. Amounts in the workspace currency; a deal in another currency is converted by the exchange rate in effect on its local close date, and left out when none is (docs/localization.md).',
  parts: {
    value: {
      source: 'opportunities_closed',
      aggregate: {
        fn: 'sum',
        column: 'amount',
        where: [
          {
            column: 'status',
            op: 'eq',
            value: 'won',
          },
        ],
      },
    },
  },
  additive: true,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
