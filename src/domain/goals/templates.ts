import type { Grain } from '../calendar/period.ts';
import type { GoalDirection } from './goal.ts';

/** A ready-made micro-goal from the brief; creating from a template fills metric, grain and direction. */
export interface GoalTemplate {
  id: string;
  name: string;
  description: string;
  metricId: string;
  grain: Grain;
  direction: GoalDirection;
  /** A sensible starting target, in the metric's unit (minor units for money, 0-1 for ratios). */
  defaultTarget: number;
}

/** The brief's micro-goals plus quotas. Targets are starting points; every one can be changed. */
export const GOAL_TEMPLATES: readonly GoalTemplate[] = [
  {
    id: 'lead_response_60',
    name: 'Answer leads within 60 business minutes',
    description:
      'Speed to lead: 90% of new leads get a first response within 60 business minutes (the p90 response time is at most 60).',
    metricId: 'lead_response_time_p90',
    grain: 'week',
    direction: 'at_most',
    defaultTarget: 60,
  },
  {
    id: 'same_day_contact',
    name: 'Contact every lead within the SLA',
    description:
      'Share of new leads contacted within the workspace SLA (same business day and/or the SLA minutes in settings).',
    metricId: 'leads_contacted_within_sla',
    grain: 'week',
    direction: 'at_least',
    defaultTarget: 1,
  },
  {
    id: 'daily_calls',
    name: 'Calls a day',
    description: 'Outbound calls logged each business day (connected or not).',
    metricId: 'calls',
    grain: 'day',
    direction: 'at_least',
    defaultTarget: 40,
  },
  {
    id: 'daily_emails',
    name: 'Emails a day',
    description: 'Emails sent to prospects and customers each business day.',
    metricId: 'emails',
    grain: 'day',
    direction: 'at_least',
    defaultTarget: 30,
  },
  {
    id: 'daily_linkedin',
    name: 'LinkedIn touches a day',
    description: 'LinkedIn connection requests and messages each business day.',
    metricId: 'linkedin_touches',
    grain: 'day',
    direction: 'at_least',
    defaultTarget: 10,
  },
  {
    id: 'weekly_meetings',
    name: 'Meetings a week',
    description: 'Meetings held (no-shows and merely scheduled meetings do not count).',
    metricId: 'meetings_held',
    grain: 'week',
    direction: 'at_least',
    defaultTarget: 5,
  },
  {
    id: 'weekly_follow_ups',
    name: 'Follow-ups after meetings',
    description:
      'Touches of people after a held meeting with them, each week (follow_ups_after_meeting, not every repeat touch); about 80% of sales need 5+ follow-ups after the meeting, so aim for 5 per meeting held (the cadence view lists deals below that).',
    metricId: 'follow_ups_after_meeting',
    grain: 'week',
    direction: 'at_least',
    defaultTarget: 25,
  },
  {
    id: 'monthly_quota',
    name: 'Monthly quota',
    description:
      'Won revenue in the month (minor units of the workspace currency): the quota is a goal on won_revenue.',
    metricId: 'won_revenue',
    grain: 'month',
    direction: 'at_least',
    defaultTarget: 1_000_000,
  },
  {
    id: 'quarterly_quota',
    name: 'Quarterly quota',
    description: 'Won revenue in the quarter (minor units of the workspace currency).',
    metricId: 'won_revenue',
    grain: 'quarter',
    direction: 'at_least',
    defaultTarget: 3_000_000,
  },
];

/** The template with this id, or undefined. */
export function getGoalTemplate(id: string): GoalTemplate | undefined {
  return GOAL_TEMPLATES.find((t) => t.id === id);
}
