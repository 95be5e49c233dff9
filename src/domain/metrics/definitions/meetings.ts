import type { MetricDefinition } from '../definition.ts';

/** Meetings: Meetings that took place or were logged as done. */
export const meetings = {
  id: 'meetings',
  label: 'Meetings',
  description: 'Meetings that took place or were logged as done.',
  unit: 'count',
  kind: 'count',
  formula: 'count(meetings) excluding no-shows and scheduled-only',
  counts:
    'Activities of type meeting in either direction, except outcome no_show or scheduled (not yet held).',
  parts: {
    value: {
      source: 'activities',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'type',
            op: 'eq',
            value: 'meeting',
          },
          {
            column: 'outcome',
            op: 'not_in',
            values: ['no_show', 'scheduled'],
          },
        ],
      },
    },
  },
  additive: true,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'higher',
} satisfies MetricDefinition;
