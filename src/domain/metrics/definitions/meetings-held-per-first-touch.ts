import type { MetricDefinition } from '../definition.ts';

/**
 * Meetings held per first touch: held meetings per new-prospect touch. Until issue 18 this ratio was named
 * meetings_per_prospecting_activity; that id now has the brief's definition (meetings booked / prospecting
 * activities), and this one keeps the old number under a name that says what it divides.
 */
export const meetingsHeldPerFirstTouch = {
  id: 'meetings_held_per_first_touch',
  label: 'Meetings held per first touch',
  description: 'Held meetings per new-prospect touch.',
  unit: 'ratio',
  kind: 'ratio',
  formula: 'meetings held / new-prospect touches',
  counts:
    "Numerator: meetings held in the period. Denominator: touches that were a person's first-ever touch, not follow-ups. The two sets need not overlap (a meeting this month may come from last month's first touch). Was meetings_per_prospecting_activity before issue 18.",
  parts: {
    numerator: {
      source: 'activities',
      aggregate: {
        fn: 'count',
        where: [
          { column: 'type', op: 'eq', value: 'meeting' },
          { column: 'outcome', op: 'eq', value: 'held' },
        ],
      },
    },
    denominator: {
      source: 'activities',
      aggregate: {
        fn: 'count',
        where: [{ column: 'is_new_prospect', op: 'is_true' }],
      },
    },
  },
  additive: false,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'higher',
} satisfies MetricDefinition;
