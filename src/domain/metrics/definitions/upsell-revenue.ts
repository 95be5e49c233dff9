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
    'Won opportunities of type upsell closed in the period. Amounts in the workspace currency only; opportunities in other currencies are left out (no FX table yet).',
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
