import type { MetricDefinition } from '../definition.ts';

/** New business revenue: Won revenue from new customers. */
export const newBusinessRevenue = {
  id: 'new_business_revenue',
  label: 'New business revenue',
  description: 'Won revenue from new customers.',
  unit: 'money',
  kind: 'sum',
  formula: 'sum(amount of won new_business opportunities)',
  counts:
    'Won opportunities of type new_business closed in the period. Amounts in the workspace currency; a deal in another currency is converted by the exchange rate in effect on its local close date, and left out when none is (docs/localization.md).',
  parts: {
    value: {
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
          {
            column: 'type',
            op: 'eq',
            value: 'new_business',
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
