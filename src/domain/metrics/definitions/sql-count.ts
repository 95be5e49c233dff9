import type { MetricDefinition } from '../definition.ts';

/** SQLs: Leads that became sales-qualified in the period. */
export const sqlCount = {
  id: 'sql_count',
  label: 'SQLs',
  description: 'Leads that became sales-qualified in the period.',
  unit: 'count',
  kind: 'count',
  formula: 'count(leads with sql_at in the period)',
  counts: 'Leads whose sql_at falls in the period, whenever they were created.',
  parts: {
    value: {
      source: 'leads',
      timeColumn: 'sql_at',
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
