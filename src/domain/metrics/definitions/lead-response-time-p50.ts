import type { MetricDefinition } from '../definition.ts';

/** Lead response time (p50): The median business minutes to the first response to a lead. */
export const leadResponseTimeP50 = {
  id: 'lead_response_time_p50',
  label: 'Lead response time (p50)',
  description: 'The median business minutes to the first response to a lead.',
  unit: 'minutes',
  kind: 'median',
  formula: 'percentile_cont(0.5) of response business minutes',
  counts:
    'Leads created in the period that have a first outbound response; business minutes from creation to the first outbound touch in the workspace working hours, time zone and holidays (leads.response_business_minutes). Uncontacted leads do not count.',
  parts: {
    value: {
      source: 'leads',
      aggregate: {
        fn: 'percentile',
        column: 'response_minutes',
        fraction: 0.5,
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
