import type { MetricDefinition } from '../definition.ts';

/** Touches: All prospect touches: calls, emails, LinkedIn and meetings. */
export const activities = {
  id: 'activities',
  label: 'Touches',
  description: 'All prospect touches: calls, emails, LinkedIn and meetings.',
  unit: 'count',
  kind: 'count',
  formula: 'count(touches)',
  counts:
    'Outbound calls, emails and LinkedIn touches plus meetings (not no-shows or scheduled-only). Activities of type other do not count.',
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
        ],
      },
    },
  },
  additive: true,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'higher',
} satisfies MetricDefinition;
