import type { MetricDefinition } from '../definition.ts';

/** Meetings per prospecting activity: Held meetings per new-prospect touch. */
export const meetingsPerProspectingActivity = {
  id: 'meetings_per_prospecting_activity',
  label: 'Meetings per prospecting activity',
  description: 'Held meetings per new-prospect touch.',
  unit: 'ratio',
  kind: 'ratio',
  formula: 'meetings held / new-prospect touches',
  counts:
    "Numerator: meetings held in the period. Denominator: touches that were a person's first-ever touch (prospecting), not follow-ups.",
  parts: {
    numerator: {
      source: 'activities',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'type',
            op: 'eq',
            value: 'meeting',
          },
          {
            column: 'outcome',
            op: 'eq',
            value: 'held',
          },
        ],
      },
    },
    denominator: {
      source: 'activities',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'is_new_prospect',
            op: 'is_true',
          },
        ],
      },
    },
  },
  additive: false,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'higher',
} satisfies MetricDefinition;
