import type { MetricDefinition } from '../definition.ts';

/** New prospects: People touched for the first time ever in the period. */
export const newProspects = {
  id: 'new_prospects',
  label: 'New prospects',
  description: 'People touched for the first time ever in the period.',
  unit: 'count',
  kind: 'count',
  formula: 'count(distinct person whose first-ever touch is in the period)',
  counts:
    'People whose first-ever touch (activities.is_new_prospect, maintained by the derived-column refresh) falls in the period. A converted lead and its contact are one person. Later touches of the same person are follow-ups.',
  parts: {
    value: {
      source: 'activities',
      aggregate: {
        fn: 'count_distinct',
        column: 'person',
        where: [
          {
            column: 'is_new_prospect',
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
