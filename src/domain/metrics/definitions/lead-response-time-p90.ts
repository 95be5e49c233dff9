import type { MetricDefinition } from '../definition.ts';

/** Lead response time (p90): The 90th percentile business minutes to the first response to a lead. */
export const leadResponseTimeP90 = {
  id: 'lead_response_time_p90',
  label: 'Lead response time (p90)',
  description: 'The 90th percentile business minutes to the first response to a lead.',
  unit: 'minutes',
  kind: 'percentile',
  formula: 'percentile_cont(0.9) of response business minutes',
  counts:
    'Leads created in the period that have a first outbound response; business minutes from creation to the first outbound touch in the workspace working hours, time zone and holidays (leads.response_business_minutes). Uncontacted leads do not count.',
  parts: {
    value: {
      source: 'leads',
      aggregate: {
        fn: 'percentile',
        column: 'response_minutes',
        fraction: 0.9,
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
