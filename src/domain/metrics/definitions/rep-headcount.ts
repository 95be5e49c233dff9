import type { MetricDefinition } from '../definition.ts';

/** Average rep headcount: the turnover rate's denominator on its own. */
export const repHeadcount = {
  id: 'rep_headcount',
  label: 'Average rep headcount',
  description: 'Average number of reps employed during the period.',
  unit: 'count',
  kind: 'sum',
  formula: 'sum over reps of (days employed in the period / days in the period)',
  counts:
    'Users with role rep and a hire date, employed from hire_date up to the day before left_on. A rep employed for half the period counts 0.5. A rep counts for their current team.',
  parts: {
    value: {
      source: 'reps',
      aggregate: { fn: 'sum', column: 'headcount_share' },
    },
  },
  additive: true,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
