import type { MetricDefinition } from '../definition.ts';

/** Sales cycle (median days): Median calendar days from creation to closed-won. */
export const salesCycleDaysMedian = {
  id: 'sales_cycle_days_median',
  label: 'Sales cycle (median days)',
  description: 'Median calendar days from creation to closed-won.',
  unit: 'days',
  kind: 'median',
  formula: 'median(closed date - created date) of won opportunities',
  counts:
    'Won opportunities closed in the period; calendar days between the local creation and close dates. Lost deals do not count.',
  parts: {
    value: {
      source: 'opportunities_closed',
      aggregate: {
        fn: 'percentile',
        column: 'cycle_days',
        fraction: 0.5,
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
