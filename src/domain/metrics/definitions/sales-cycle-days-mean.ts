import type { MetricDefinition } from '../definition.ts';

/** Sales cycle (mean days): Mean calendar days from creation to closed-won. */
export const salesCycleDaysMean = {
  id: 'sales_cycle_days_mean',
  label: 'Sales cycle (mean days)',
  description: 'Mean calendar days from creation to closed-won.',
  unit: 'days',
  kind: 'mean',
  formula: 'mean(closed date - created date) of won opportunities',
  counts:
    'Won opportunities closed in the period; calendar days between the local creation and close dates. Lost deals do not count.',
  parts: {
    value: {
      source: 'opportunities_closed',
      aggregate: {
        fn: 'mean',
        column: 'cycle_days',
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
  additive: false,
  indicator: 'lagging',
  focus: 'efficiency',
  direction: 'lower',
} satisfies MetricDefinition;
