import type { MetricDefinition } from '../definition.ts';

/** Customer acquisition cost: acquisition spend and new-business commission per new customer. */
export const cac = {
  id: 'cac',
  label: 'Customer acquisition cost',
  description: 'Acquisition spend and new-business commission per new customer.',
  unit: 'money',
  kind: 'ratio',
  formula:
    '(acquisition costs + new-business commission payouts) in the period / new customers in the period',
  counts:
    'Numerator, in the workspace currency: acquisition_costs overlapping the period, prorated by days of overlap; plus the lines of locked or paid commission statements whose whole period lies inside the queried period, of kind commission, type_rate or spif on new_business deals, and the clawbacks of such lines (bonuses, caps, draws and adjustments are not tied to winning one deal and are left out); a statement in another currency is converted by the rate of the last day of its period, and left out (with a warning) when none is in effect. Denominator: customers started in the period. Costs carry a team, not a rep, so there is no per-rep value.',
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
