import type { MetricDefinition } from '../definition.ts';

/** Follow-ups: Touches of people who had been touched before. */
export const followUps = {
  id: 'follow_ups',
  label: 'Follow-ups',
  description: 'Touches of people who had been touched before.',
  unit: 'count',
  kind: 'count',
  formula: 'count(touches that are not a first touch)',
  counts:
    "Touches naming a contact or lead that are not that person's first-ever touch. Touches naming nobody do not count.",
  parts: {
    value: {
      source: 'activities',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'is_touch',
            op: 'is_true',
          },
          {
            column: 'is_new_prospect',
            op: 'is_false',
          },
          {
            column: 'person',
            op: 'not_null',
          },
        ],
      },
    },
  },
  additive: true,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'higher',
} satisfies MetricDefinition;
