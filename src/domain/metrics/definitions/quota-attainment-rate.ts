import type { MetricDefinition } from '../definition.ts';

/** Quota attainment rate: Share of reps with a quota who reached it. */
export const quotaAttainmentRate = {
  id: 'quota_attainment_rate',
  label: 'Quota attainment rate',
  description: 'Share of reps with a quota who reached it.',
  unit: 'ratio',
  kind: 'derived',
  formula: 'reps with won revenue >= quota / reps with a quota',
  counts:
    'Per rep: won revenue in the period against the sum of their won_revenue goals within the period; reps without such a goal do not count.',
  parts: {
    won: {
      source: 'opportunities_closed',
      aggregate: {
        fn: 'sum',
        column: 'amount',
        where: [
          {
            column: 'status',
            op: 'eq',
            value: 'won',
          },
        ],
      },
    },
    quota: {
      source: 'goals',
      aggregate: {
        fn: 'sum',
        column: 'target',
      },
    },
  },
  additive: false,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'higher',
  derivation: 'share_of_reps_at_quota',
} satisfies MetricDefinition;
