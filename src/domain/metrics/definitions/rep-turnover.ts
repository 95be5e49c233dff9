import type { MetricDefinition } from '../definition.ts';

/** Rep turnover: reps who left in the period over the average rep headcount of the period (docs/coaching.md). */
export const repTurnover = {
  id: 'rep_turnover',
  label: 'Rep turnover',
  description: 'Reps who left during the period, against the average number of reps employed in it.',
  unit: 'ratio',
  kind: 'ratio',
  formula: 'reps whose left_on falls in the period / average rep headcount of the period',
  counts:
    'Users with role rep and a hire date. A rep leaves on left_on (the first day no longer employed). Average headcount: the sum over reps of the days employed in the period (hire_date to the day before left_on) divided by the days of the period. Over a year this is the annual turnover rate; over a shorter period it is not annualised. A rep counts for their current team.',
  parts: {
    numerator: {
      source: 'reps',
      aggregate: { fn: 'count', where: [{ column: 'left_in_period', op: 'is_true' }] },
    },
    denominator: {
      source: 'reps',
      aggregate: { fn: 'sum', column: 'headcount_share' },
    },
  },
  additive: false,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'lower',
} satisfies MetricDefinition;
