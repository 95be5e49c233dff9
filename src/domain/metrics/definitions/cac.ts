import type { MetricDefinition } from '../definition.ts';

/** Customer acquisition cost: Acquisition spend per new customer. */
export const cac = {
  id: 'cac',
  label: 'Customer acquisition cost',
  description: 'Acquisition spend per new customer.',
  unit: 'money',
  kind: 'ratio',
  formula: 'acquisition costs in the period / new customers in the period',
  counts:
    'Numerator: acquisition_costs overlapping the period, prorated by days of overlap, in the workspace currency. Denominator: customers started in the period. Costs carry a team, not a rep, so there is no per-rep value.',
  parts: {
    numerator: {
      source: 'costs',
      aggregate: {
        fn: 'sum',
        column: 'amount',
      },
    },
    denominator: {
      source: 'customers',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'started_in_period',
            op: 'is_true',
          },
        ],
      },
    },
  },
  additive: false,
  indicator: 'lagging',
  focus: 'efficiency',
  direction: 'lower',
} satisfies MetricDefinition;
