import type { MetricDefinition } from '../definition.ts';

/** Lead response time (mean): Mean business minutes to the first response to a lead. */
export const leadResponseTimeMean = {
  id: 'lead_response_time_mean',
  label: 'Lead response time (mean)',
  description: 'Mean business minutes to the first response to a lead.',
  unit: 'minutes',
  kind: 'mean',
  formula: 'mean of response business minutes',
  counts:
    'Leads created in the period that have a first outbound response; business minutes from creation to the first outbound touch in the workspace working hours, time zone and holidays (leads.response_business_minutes). Uncontacted leads do not count.',
  parts: {
    value: {
      source: 'leads',
      aggregate: {
        fn: 'mean',
        column: 'response_minutes',
        where: [
          {
            column: 'response_minutes',
            op: 'not_null',
          },
        ],
      },
    },
  },
  additive: false,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'lower',
} satisfies MetricDefinition;
