import type { MetricDefinition } from '../definition.ts';

/** Average customer tenure (months): Mean months from start to end (or period end) of customers. */
export const avgTenureMonths = {
  id: 'avg_tenure_months',
  label: 'Average customer tenure (months)',
  description: 'Mean months from start to end (or period end) of customers.',
  unit: 'months',
  kind: 'mean',
  formula: 'mean((ended_at or period end) - started_at) in months',
  counts: 'Customers active at the end of the period or ended during it; months of 30.44 days.',
  parts: {
    value: {
      source: 'customers',
      aggregate: {
        fn: 'mean',
        column: 'tenure_months',
        where: [
          {
            column: 'tenure_counted',
            op: 'is_true',
          },
        ],
      },
    },
  },
  additive: false,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
