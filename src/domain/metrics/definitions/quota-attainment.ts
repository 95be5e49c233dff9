import type { MetricDefinition } from '../definition.ts';

/** Quota attainment: Won revenue against the quota for the period. */
export const quotaAttainment = {
  id: 'quota_attainment',
  label: 'Quota attainment',
  description: 'Won revenue against the quota for the period.',
  unit: 'ratio',
  kind: 'ratio',
  formula: 'won revenue / sum of quota goals',
  counts:
    'Numerator: won revenue of the group in the period. Denominator: targets of active per-user goals on won_revenue whose goal period lies within the query period. No quota: no value.',
  parts: {
    numerator: {
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
    denominator: {
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
} satisfies MetricDefinition;
