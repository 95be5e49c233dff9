import type { MetricDefinition } from '../definition.ts';

/** Leads created: Leads that arrived in the period. */
export const leadsCreated = {
  id: 'leads_created',
  label: 'Leads created',
  description: 'Leads that arrived in the period.',
  unit: 'count',
  kind: 'count',
  formula: 'count(leads created)',
  counts: 'Leads whose created_at falls in the period, any status or source.',
  parts: {
    value: {
      source: 'leads',
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
