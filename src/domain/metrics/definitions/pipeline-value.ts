import type { MetricDefinition } from '../definition.ts';

/** Pipeline value: Open opportunity amount at the end of the period. */
export const pipelineValue = {
  id: 'pipeline_value',
  label: 'Pipeline value',
  description: 'Open opportunity amount at the end of the period.',
  unit: 'money',
  kind: 'sum',
  formula: 'sum(amount of opportunities open at period end)',
  counts:
    'Opportunities open at the end of the period, rebuilt from opportunity_history for past periods (stage and amount of the last change at or before the end). Amounts in the workspace currency; a deal in another currency is converted by the exchange rate in effect on the snapshot date (today for the current period), and left out when none is (docs/localization.md).',
  parts: {
    value: {
      source: 'opportunities_open_at_end',
      aggregate: {
        fn: 'sum',
        column: 'amount',
      },
    },
  },
  additive: true,
  indicator: 'leading',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
