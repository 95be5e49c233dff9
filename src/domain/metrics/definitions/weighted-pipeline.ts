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
    "As pipeline value, each amount multiplied by its stage's probability at that time. Amounts in the workspace currency only; opportunities in other currencies are left out (no FX table yet).",
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
