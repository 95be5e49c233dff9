import type { MetricDefinition } from '../definition.ts';

/** Unique contacts: Distinct people touched in the period. */
export const uniqueContacts = {
  id: 'unique_contacts',
  label: 'Unique contacts',
  description: 'Distinct people touched in the period.',
  unit: 'count',
  kind: 'count',
  formula: 'count(distinct person touched)',
  counts:
    'Each contact (or, for unconverted leads, lead; a converted lead is its contact) counts once however often touched. Touches naming neither a contact nor a lead do not count. Not additive: a person touched by two reps counts once for the team.',
  parts: {
    value: {
      source: 'activities',
      aggregate: {
        fn: 'count_distinct',
        column: 'person',
        where: [
          {
            column: 'is_touch',
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
