import type { MetricDefinition } from '../definition.ts';

/** Renewal revenue: Won revenue from renewals, kept apart from new and upsell. */
export const renewalRevenue = {
  id: 'renewal_revenue',
  label: 'Renewal revenue',
  description: 'Won revenue from renewals, kept apart from new and upsell.',
  unit: 'money',
  kind: 'sum',
  formula: 'sum(amount of won renewal opportunities)',
  counts:
    'Won opportunities of type renewal closed in the period. Amounts in the workspace currency; a deal in another currency is converted by the exchange rate in effect on its local close date, and left out when none is (docs/localization.md).',
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
            value: 'renewal',
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
