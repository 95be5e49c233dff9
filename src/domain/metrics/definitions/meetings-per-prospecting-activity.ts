import type { MetricDefinition } from '../definition.ts';
import { prospectingActivityConditions } from './prospecting-activities.ts';

/**
 * Meetings per prospecting activity, as the brief defines it: meetings booked / all prospecting activities. (The
 * held-meetings-per-first-touch ratio this id named before issue 18 is meetings_held_per_first_touch.)
 */
export const meetingsPerProspectingActivity = {
  id: 'meetings_per_prospecting_activity',
  label: 'Meetings per prospecting activity',
  description: 'Meetings booked per prospecting call, email or LinkedIn touch.',
  unit: 'ratio',
  kind: 'ratio',
  formula: 'meetings booked / prospecting activities',
  counts:
    "Numerator: meetings_booked (meetings by the date they were set; meetings without booked_at are not counted). Denominator: prospecting_activities, outbound calls, emails and LinkedIn touches naming a contact or lead that had no held meeting before them (first touches and follow-ups alike, until the person's first held meeting).",
  parts: {
    numerator: {
      source: 'activities',
      timeColumn: 'booked_at',
      aggregate: {
        fn: 'count',
        where: [{ column: 'type', op: 'eq', value: 'meeting' }],
      },
    },
    denominator: {
      source: 'activities',
      aggregate: { fn: 'count', where: prospectingActivityConditions },
    },
  },
  additive: false,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'higher',
} satisfies MetricDefinition;
