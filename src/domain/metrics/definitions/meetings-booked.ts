import type { MetricDefinition } from '../definition.ts';

/** Meetings booked: meetings set in the period, by the date they were set (activities.booked_at). */
export const meetingsBooked = {
  id: 'meetings_booked',
  label: 'Meetings booked',
  description: 'Meetings set in the period, counted by the date they were set.',
  unit: 'count',
  kind: 'count',
  formula: 'count(meetings by booked_at)',
  counts:
    "Meeting activities whose booked_at (when the meeting was set) falls in the period, credited to the rep who logged the meeting, whatever became of it (held, no-show, still scheduled): a meeting set in March and held in April counts in March here and in April in meetings_held. Meetings without booked_at are not counted: no source said when they were set, and neither the meeting's date nor the row's creation (an import's date for imported history) would be that day. The quick log and API take bookedAt, calendar capture takes the event's CREATED (else DTSTAMP), activity imports a booked_at column; meetings logged before migration 0032 have none.",
  parts: {
    value: {
      source: 'activities',
      timeColumn: 'booked_at',
      aggregate: {
        fn: 'count',
        where: [{ column: 'type', op: 'eq', value: 'meeting' }],
      },
    },
  },
  additive: true,
  indicator: 'leading',
  focus: 'effectiveness',
  direction: 'higher',
} satisfies MetricDefinition;
