import type { MetricDefinition } from '../definition.ts';

/** Churn rate: Share of customers at the start of the period who left during it. */
export const churnRate = {
  id: 'churn_rate',
  label: 'Churn rate',
  description: 'Share of customers at the start of the period who left during it.',
  unit: 'ratio',
  kind: 'ratio',
  formula: 'customers active at period start that ended in the period / customers active at period start',
  counts:
    'Customers started before the period and not ended before it form the denominator; those whose ended_at falls in the period the numerator. Customers won and lost within the same period do not count.',
  parts: {
    numerator: {
      source: 'customers',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'active_at_start',
            op: 'is_true',
          },
          {
            column: 'ended_in_period',
            op: 'is_true',
          },
        ],
      },
    },
    denominator: {
      source: 'customers',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'active_at_start',
            op: 'is_true',
          },
        ],
      },
    },
  },
  additive: false,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'lower',
} satisfies MetricDefinition;
