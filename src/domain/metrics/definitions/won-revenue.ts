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
    'Won opportunities closed in the period, all types. Amounts in the workspace currency only; opportunities in other currencies are left out (no FX table yet).',
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
