import type { MetricDefinition } from '../definition.ts';

/**
 * Lost deals with few follow-ups: deals lost after a held meeting with fewer follow-ups after it than the workspace's
 * follow-up target (settings.follow_up_target, 5 by default: the brief's "deals lost with fewer than 5 follow-ups
 * after the meeting"). Follow-ups are counted as the cadence gaps count them (docs/metrics.md, "Cadence").
 */
export const lostDealsFewFollowUps = {
  id: 'lost_deals_few_follow_ups',
  label: 'Lost deals with few follow-ups',
  description: 'Deals lost after a held meeting with fewer follow-ups after it than the follow-up target.',
  unit: 'count',
  kind: 'count',
  formula:
    'count(lost opportunities with a held meeting and < follow_up_target follow-ups after the last one)',
  counts:
    "Opportunities with status lost and closed_at in the period that had a meeting with outcome held at or before closing, and fewer outbound activities other than meetings (not only scheduled) after their last held meeting, up to closing, than the workspace's follow-up target (settings.follow_up_target, 5 by default). A deal's activities are those logged on it and those on its contact that name no opportunity. Lost deals without a held meeting do not count.",
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
