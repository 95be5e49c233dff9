import type { MetricDefinition } from '../definition.ts';

/** MQLs: Leads that became marketing-qualified in the period. */
export const mqlCount = {
  id: 'mql_count',
  label: 'MQLs',
  description: 'Leads that became marketing-qualified in the period.',
  unit: 'count',
  kind: 'count',
  formula: 'count(leads with mql_at in the period)',
  counts: 'Leads whose mql_at falls in the period, whenever they were created.',
  parts: {
    value: {
      source: 'leads',
      timeColumn: 'mql_at',
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
