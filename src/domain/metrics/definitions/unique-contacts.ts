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
    'Each person touched (a touch as defined under Touches below: an outbound activity or any meeting, naming a contact or lead, not only scheduled; a converted lead is its contact) counts once however often touched. A person reached only by scheduled next steps does not count. Not additive: a person touched by two reps counts once for the team.',
  parts: {
    value: {
      source: 'activities',
      aggregate: {
        fn: 'count_distinct',
        column: 'person',
        where: [
          {
            column: 'is_person_touch',
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
