import type { MetricDefinition } from '../definition.ts';

/** Logged minutes: the durations logged on activities. */
export const loggedMinutes = {
  id: 'logged_minutes',
  label: 'Logged minutes',
  description: 'Minutes logged on activities, any time category.',
  unit: 'minutes',
  kind: 'sum',
  formula: 'sum(activity durations)',
  counts:
    'Durations of every activity that has one (calls, meetings of any outcome, time logged as admin, training, travel, ...), in the period by when it happened. Activities without a duration add nothing. Grouped by time category, each minute counts under its effective category (the one logged, else selling for calls and held meetings, else none; see selling_time_share).',
  parts: {
    value: {
      source: 'activities',
      aggregate: { fn: 'sum', column: 'duration_minutes' },
    },
  },
  additive: true,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'higher',
} satisfies MetricDefinition;
