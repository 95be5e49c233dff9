import type { MetricDefinition } from '../definition.ts';

/** Win rate: Share of closed opportunities that were won. */
export const winRate = {
  id: 'win_rate',
  label: 'Win rate',
  description: 'Share of closed opportunities that were won.',
  unit: 'ratio',
  kind: 'ratio',
  formula: 'won / (won + lost), closed in the period',
  counts: 'Opportunities whose closed_at falls in the period. Open opportunities do not count.',
  parts: {
    numerator: {
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
    denominator: {
      source: 'opportunities_closed',
      aggregate: {
        fn: 'count',
      },
    },
  },
  additive: false,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
