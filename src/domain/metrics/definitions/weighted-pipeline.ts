import type { MetricDefinition } from '../definition.ts';

/** Weighted pipeline: Open amount weighted by stage probability at the end of the period. */
export const weightedPipeline = {
  id: 'weighted_pipeline',
  label: 'Weighted pipeline',
  description: 'Open amount weighted by stage probability at the end of the period.',
  unit: 'money',
  kind: 'sum',
  formula: 'sum(amount x stage probability) of opportunities open at period end',
  counts:
    "As pipeline value, each amount multiplied by its stage's probability at that time. Amounts in the workspace currency; a deal in another currency is converted by the exchange rate in effect on the snapshot date (today for the current period), and left out when none is (docs/localization.md).",
  parts: {
    value: {
      source: 'opportunities_open_at_end',
      aggregate: {
        fn: 'sum',
        column: 'weighted_amount',
      },
    },
  },
  additive: true,
  indicator: 'leading',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
