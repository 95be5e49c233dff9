import type { MetricDefinition } from '../definition.ts';

/** Meetings held: Meetings with outcome held. */
export const meetingsHeld = {
  id: 'meetings_held',
  label: 'Meetings held',
  description: 'Meetings with outcome held.',
  unit: 'count',
  kind: 'count',
  formula: 'count(meetings with outcome held)',
  counts:
    'Meeting activities whose outcome is held; no-shows, scheduled and meetings without outcome do not count.',
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
            op: 'eq',
            value: 'held',
          },
        ],
      },
    },
  },
  additive: true,
  indicator: 'leading',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
