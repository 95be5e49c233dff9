import type { MetricDefinition } from '../definition.ts';

/** Leads contacted within SLA: Share of leads answered within the response SLA. */
export const leadsContactedWithinSla = {
  id: 'leads_contacted_within_sla',
  label: 'Leads contacted within SLA',
  description: 'Share of leads answered within the response SLA.',
  unit: 'ratio',
  kind: 'ratio',
  formula: 'leads answered within SLA / leads whose SLA has been decided',
  counts:
    'Leads created in the period. Met: first response at or before the stored SLA deadline (leads.sla_deadline_at): settings.lead_sla_minutes business minutes from arrival (from the next opening when it arrived outside working hours), capped at the close of that working day when lead_sla_same_business_day is set. Missed: answered later, or not answered once the deadline has passed. Uncontacted leads still within their deadline are left out.',
  parts: {
    numerator: {
      source: 'leads',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'sla_met',
            op: 'is_true',
          },
        ],
      },
    },
    denominator: {
      source: 'leads',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'sla_decided',
            op: 'is_true',
          },
        ],
      },
    },
  },
  additive: false,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'higher',
} satisfies MetricDefinition;
