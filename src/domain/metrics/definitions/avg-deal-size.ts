import type { MetricDefinition } from '../definition.ts';

/** Average deal size: Mean amount of won opportunities. */
export const avgDealSize = {
  id: 'avg_deal_size',
  label: 'Average deal size',
  description: 'Mean amount of won opportunities.',
  unit: 'money',
  kind: 'ratio',
  formula: 'won revenue / won deals (workspace currency)',
  counts:
    'Won opportunities closed in the period. Amounts in the workspace currency; a deal in another currency is converted by the exchange rate in effect on its local close date, and left out when none is (docs/localization.md).',
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
      source: 'opportunities_closed',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'status',
            op: 'eq',
            value: 'won',
          },
          {
            column: 'amount',
            op: 'not_null',
          },
        ],
      },
    },
  },
  additive: false,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
