import type { MetricDefinition } from '../definition.ts';

/** Assigned lead score (mean): the quality of the leads a rep received (the fairness report's second column). */
export const assignedLeadScoreMean = {
  id: 'assigned_lead_score_mean',
  label: 'Assigned lead score (mean)',
  description: 'Mean score of the leads a rep received in the period, as scored when assigned.',
  unit: 'points',
  kind: 'mean',
  formula: 'mean of the lead score at assignment',
  counts:
    'Rows of lead_assignments by assigned_at (routing, SLA reassignment and manual) whose lead had a score when it was assigned (lead_assignments.lead_score, taken from lead_scores at that moment); leads never scored do not count.',
  parts: {
    value: {
      source: 'lead_assignments',
      aggregate: { fn: 'mean', column: 'score', where: [{ column: 'score', op: 'not_null' }] },
    },
  },
  additive: false,
  indicator: 'leading',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
