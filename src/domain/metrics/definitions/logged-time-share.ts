import type { MetricDefinition } from '../definition.ts';

/** Logged time share: the share of working time that reps logged on activities. */
export const loggedTimeShare = {
  id: 'logged_time_share',
  label: 'Logged time share',
  description: 'Share of working time logged on activities.',
  unit: 'ratio',
  kind: 'ratio',
  formula: 'logged minutes / working minutes',
  counts:
    "Numerator: logged_minutes (every activity's duration). Denominator: business minutes in the period per active rep in the group, as for selling_time_share. How much of the working day the numbers see: non_selling_time_share is only as good as this share is high. Grouped by time category, the numerator splits by each minute's effective category, so the rows give minutes in a category / working minutes.",
  parts: {
    numerator: {
      source: 'activities',
      aggregate: { fn: 'sum', column: 'duration_minutes' },
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
