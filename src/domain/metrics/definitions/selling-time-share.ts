import type { MetricDefinition } from '../definition.ts';

/** Selling time share: Share of working time spent selling. */
export const sellingTimeShare = {
  id: 'selling_time_share',
  label: 'Selling time share',
  description: 'Share of working time spent selling.',
  unit: 'ratio',
  kind: 'ratio',
  formula: 'logged minutes whose effective time category is selling / working minutes',
  counts:
    'Numerator: logged durations of activities whose effective time category is selling: the time_category logged with the activity (quick log, API, calendar, import), else selling for calls in either direction and held meetings (what this metric counted before time categories), else none. A call logged as prospecting or a meeting logged as internal_meetings is therefore not selling time. Denominator: business minutes in the period (working days, hours and holidays) per active rep in the group. Only activities with a duration count, so the share is a lower bound when reps do not log durations.',
  parts: {
    numerator: {
      source: 'activities',
      aggregate: {
        fn: 'sum',
        column: 'duration_minutes',
        where: [{ column: 'time_category', op: 'eq', value: 'selling' }],
      },
    },
    denominator: {
      source: 'working_time',
      aggregate: { fn: 'sum', column: 'business_minutes' },
    },
  },
  additive: false,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'higher',
} satisfies MetricDefinition;
