import type { MetricDefinition } from '../definition.ts';

/** Deals won: Opportunities won in the period. */
export const wonCount = {
  id: 'won_count',
  label: 'Deals won',
  description: 'Opportunities won in the period.',
  unit: 'count',
  kind: 'count',
  formula: 'count(won opportunities)',
  counts: 'Opportunities with status won and closed_at in the period.',
  parts: {
    value: {
      source: 'opportunities_closed',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'status',
            op: 'eq',
            value: 'won',
          },
        ],
      },
    },
  },
  additive: true,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
