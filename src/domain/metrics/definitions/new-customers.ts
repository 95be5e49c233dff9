import type { MetricDefinition } from '../definition.ts';

/** New customers: Customers whose relationship started in the period. */
export const newCustomers = {
  id: 'new_customers',
  label: 'New customers',
  description: 'Customers whose relationship started in the period.',
  unit: 'count',
  kind: 'count',
  formula: 'count(customers started)',
  counts: 'Customers with started_at in the period, attributed to the rep in acquired_by.',
  parts: {
    value: {
      source: 'customers',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'started_in_period',
            op: 'is_true',
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
