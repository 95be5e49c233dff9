import type { MetricDefinition } from '../definition.ts';

/**
 * A step of the lead funnel as a count over the cohort of leads created in the period, whenever the lead moved
 * on: the step is a boolean column of the leads source (a later step implies the earlier ones, so each step is
 * a subset of the one before). The lead funnel and the planner's observed funnel read these.
 */
export function leadCohortStep(step: {
  id: string;
  label: string;
  description: string;
  formula: string;
  counts: string;
  column: string;
}) {
  return {
    id: step.id,
    label: step.label,
    description: step.description,
    unit: 'count',
    kind: 'count',
    formula: step.formula,
    counts: step.counts,
    parts: {
      value: { source: 'leads', aggregate: { fn: 'count', where: [{ column: step.column, op: 'is_true' }] } },
    },
    additive: true,
    indicator: 'leading',
    focus: 'effectiveness',
    direction: 'higher',
  } satisfies MetricDefinition;
}
