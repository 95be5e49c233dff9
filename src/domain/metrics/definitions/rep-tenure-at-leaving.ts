import type { MetricDefinition } from '../definition.ts';

/** Rep tenure at leaving (median months). */
export const repTenureAtLeaving = {
  id: 'rep_tenure_at_leaving',
  label: 'Rep tenure at leaving (median months)',
  description: 'Median months from hire date to leaving of the reps who left during the period.',
  unit: 'months',
  kind: 'median',
  formula: 'median(left_on - hire_date) in months, over reps whose left_on falls in the period',
  counts: 'Users with role rep and a hire date who left during the period; months of 30.44 days.',
  parts: {
    value: {
      source: 'reps',
      aggregate: {
        fn: 'percentile',
        column: 'tenure_months_at_leaving',
        fraction: 0.5,
        where: [{ column: 'left_in_period', op: 'is_true' }],
      },
    },
  },
  additive: false,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
