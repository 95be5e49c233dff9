import type { MetricDefinition } from '../definition.ts';

/** Close rate (meetings): Won deals per prospect met. */
export const closeRateMeetings = {
  id: 'close_rate_meetings',
  label: 'Close rate (meetings)',
  description: 'Won deals per prospect met.',
  unit: 'ratio',
  kind: 'ratio',
  formula: 'won opportunities / distinct prospects with a held meeting',
  counts:
    "Numerator: opportunities won (closed_at) in the period. Denominator: distinct prospects with a held meeting in the period, where a prospect is the meeting's account, else its contact, else its lead. Contacts that were only called or emailed do not count: 15 meetings and 10 wins close 66.7%, not 10 of 60 contacts.",
  parts: {
    numerator: {
      source: 'opportunities_closed',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'status',
            op: 'eq',
            value: 'won',
          },
        ],
      },
    },
    denominator: {
      source: 'activities',
      aggregate: {
        fn: 'count_distinct',
        column: 'prospect',
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
  additive: false,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
