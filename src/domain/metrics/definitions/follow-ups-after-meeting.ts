import type { MetricDefinition } from '../definition.ts';

/** Follow-ups after meeting: touches of people after a held meeting with them (the brief's "5+ follow-ups"). */
export const followUpsAfterMeeting = {
  id: 'follow_ups_after_meeting',
  label: 'Follow-ups after meetings',
  description: 'Touches of people after a held meeting with them.',
  unit: 'count',
  kind: 'count',
  formula: 'count(outbound non-meeting touches of a person after a held meeting with them)',
  counts:
    "Outbound activities other than meetings (calls, emails, LinkedIn, other) naming a contact or lead that had a held meeting (with any rep) strictly before the activity, credited to the rep who made the touch: the same touches lost_deals_few_follow_ups counts after a deal's last meeting. A person is the contact, or the lead (a converted lead's touches also see its contact's meetings). Touches before a person's first held meeting are prospecting_activities; follow_ups counts every repeat touch.",
  parts: {
    value: {
      source: 'activities',
      aggregate: {
        fn: 'count',
        // The probe per row (held_meeting_before) last: only outbound non-meeting touches of a person reach it.
        where: [
          { column: 'direction', op: 'eq', value: 'outbound' },
          { column: 'type', op: 'not_in', values: ['meeting'] },
          { column: 'is_person_touch', op: 'is_true' },
          { column: 'held_meeting_before', op: 'is_true' },
        ],
      },
    },
  },
  additive: true,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'higher',
} satisfies MetricDefinition;
