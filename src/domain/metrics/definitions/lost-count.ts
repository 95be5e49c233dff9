import type { MetricDefinition } from '../definition.ts';

/** Deals lost: Opportunities lost in the period. */
export const lostCount = {
  id: 'lost_count',
  label: 'Deals lost',
  description: 'Opportunities lost in the period.',
  unit: 'count',
  kind: 'count',
  formula: 'count(lost opportunities)',
  counts: 'Opportunities with status lost and closed_at in the period.',
  parts: {
    value: {
      source: 'opportunities_closed',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'status',
            op: 'eq',
            value: 'lost',
          },
        ],
      },
    },
  },
  additive: true,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'lower',
} satisfies MetricDefinition;
