import type { MetricDefinition } from '../definition.ts';

/** Opportunities created: New opportunities opened in the period. */
export const opportunitiesCreated = {
  id: 'opportunities_created',
  label: 'Opportunities created',
  description: 'New opportunities opened in the period.',
  unit: 'count',
  kind: 'count',
  formula: 'count(opportunities created)',
  counts: 'Opportunities whose created_at falls in the period, any status.',
  parts: {
    value: {
      source: 'opportunities_created',
      aggregate: {
        fn: 'count',
      },
    },
  },
  additive: true,
  indicator: 'leading',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
