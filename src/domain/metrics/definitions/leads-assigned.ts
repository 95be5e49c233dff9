import type { MetricDefinition } from '../definition.ts';

/** Leads assigned: leads a rep received in the period, by routing or by hand (the fairness report's count). */
export const leadsAssigned = {
  id: 'leads_assigned',
  label: 'Leads assigned',
  description: 'Leads a rep received in the period, by routing or by hand.',
  unit: 'count',
  kind: 'count',
  formula: 'count(lead assignments made in the period)',
  counts:
    'Rows of lead_assignments by assigned_at: the first routing of a lead, each reassignment after a missed response SLA (counted for the rep who received it) and manual assignments. Leads whose owner came with an import have no assignment and are not counted.',
  parts: {
    value: { source: 'lead_assignments', aggregate: { fn: 'count' } },
  },
  additive: true,
  indicator: 'leading',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
