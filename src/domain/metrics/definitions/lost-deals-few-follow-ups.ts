import type { MetricDefinition } from '../definition.ts';

/**
 * Follow-ups after the first held meeting below which a lost deal counts as a follow-up gap (the brief: "deals
 * lost with fewer than 5 follow-ups after the meeting"). The opportunities_closed source reads it.
 */
export const FOLLOW_UP_GAP_THRESHOLD = 5;

/** Lost deals with few follow-ups: lost after a held meeting with fewer than 5 follow-ups after it. */
export const lostDealsFewFollowUps = {
  id: 'lost_deals_few_follow_ups',
  label: 'Lost deals with few follow-ups',
  description: `Deals lost after a held meeting with fewer than ${FOLLOW_UP_GAP_THRESHOLD} follow-ups after it.`,
  unit: 'count',
  kind: 'count',
  formula: `count(lost opportunities with a held meeting and < ${FOLLOW_UP_GAP_THRESHOLD} follow-ups after it)`,
  counts: `Opportunities with status lost and closed_at in the period that had a meeting with outcome held logged on the deal before closing, and fewer than ${FOLLOW_UP_GAP_THRESHOLD} outbound calls, emails, LinkedIn touches or meetings logged on the deal after the first held meeting and up to closing. Lost deals without a held meeting do not count.`,
  parts: {
    value: {
      source: 'opportunities_closed',
      aggregate: {
        fn: 'count',
        where: [
          { column: 'status', op: 'eq', value: 'lost' },
          { column: 'few_follow_ups_after_meeting', op: 'is_true' },
        ],
      },
    },
  },
  additive: true,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'lower',
} satisfies MetricDefinition;
