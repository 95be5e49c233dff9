import type { MetricDefinition } from '../definition.ts';

/** Upsell revenue: Won revenue from existing customers (upsell, cross-sell). */
export const upsellRevenue = {
  id: 'upsell_revenue',
  label: 'Upsell revenue',
  description: 'Won revenue from existing customers (upsell, cross-sell).',
  unit: 'money',
  kind: 'sum',
  formula: 'sum(amount of won upsell opportunities)',
  counts:
    'Won opportunities of type upsell closed in the period. Amounts in the workspace currency; a deal in another currency is converted by the exchange rate in effect on its local close date, and left out when none is (docs/localization.md).',
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
            value: 'upsell',
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
