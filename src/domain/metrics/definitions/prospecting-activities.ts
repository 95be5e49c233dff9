import type { Condition, MetricDefinition } from '../definition.ts';

/**
 * A prospecting activity (the brief's "calls, emails, LinkedIn touches to prospects"): an outbound call, email or
 * LinkedIn touch naming a contact or lead that had no held meeting before it. The costly condition (an index
 * probe per row) comes last, so rows failing the cheap ones never reach it.
 */
export const prospectingActivityConditions: readonly Condition[] = [
  { column: 'type', op: 'in', values: ['call', 'email', 'linkedin'] },
  { column: 'direction', op: 'eq', value: 'outbound' },
  { column: 'is_person_touch', op: 'is_true' },
  { column: 'held_meeting_before', op: 'is_false' },
];

/** Prospecting activities: calls, emails and LinkedIn touches to people not yet met. */
export const prospectingActivities = {
  id: 'prospecting_activities',
  label: 'Prospecting activities',
  description: 'Outbound calls, emails and LinkedIn touches to people not met yet.',
  unit: 'count',
  kind: 'count',
  formula: 'count(outbound calls, emails, LinkedIn touches to a person before their first held meeting)',
  counts:
    "Outbound calls (any outcome), emails and LinkedIn touches naming a contact or lead, when that person had no held meeting (with any rep) before the activity: first touches and follow-ups alike until the person is first met. A person is the contact, or the lead (a converted lead's touches also see its contact's meetings). Meetings, inbound activities and activities naming nobody do not count.",
  parts: {
    value: {
      source: 'activities',
      aggregate: { fn: 'count', where: prospectingActivityConditions },
    },
  },
  additive: true,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'higher',
} satisfies MetricDefinition;
