import type { MetricDefinition } from '../definition.ts';

/** Selling time share: Share of working time spent with customers. */
export const sellingTimeShare = {
  id: 'selling_time_share',
  label: 'Selling time share',
  description: 'Share of working time spent with customers.',
  unit: 'ratio',
  kind: 'ratio',
  formula: 'minutes of calls and held meetings / working minutes',
  counts:
    'Numerator: logged durations of calls (any outcome, either direction) and held meetings. Denominator: business minutes in the period (working days, hours and holidays) per active rep in the group. Only activities with a duration count, so the share is a lower bound when reps do not log durations.',
  parts: {
    numerator: {
      source: 'activities',
      aggregate: {
        fn: 'sum',
        column: 'duration_minutes',
        where: [
          {
            column: 'customer_facing',
            op: 'is_true',
          },
        ],
      },
    },
    denominator: {
      source: 'working_time',
      aggregate: {
        fn: 'sum',
        column: 'business_minutes',
      },
    },
  },
  additive: false,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'higher',
} satisfies MetricDefinition;
