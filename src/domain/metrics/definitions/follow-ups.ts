import type { MetricDefinition } from '../definition.ts';
import { NOT_SCHEDULED } from './not-scheduled.ts';

/** Follow-ups: Touches of people who had been touched before. */
export const followUps = {
  id: 'follow_ups',
  label: 'Follow-ups',
  description: 'Touches of people who had been touched before.',
  unit: 'count',
  kind: 'count',
  formula: 'count(touches that are not a first touch)',
  counts:
    "Touches (outbound activities of any type, or meetings, naming a contact or lead, as in the derived columns) that are not the person's first-ever touch. Activities naming nobody, inbound calls or emails and activities only scheduled (a planned next step) do not count.",
  parts: {
    value: {
      source: 'activities',
      aggregate: {
        fn: 'count',
        where: [
          NOT_SCHEDULED,
          {
            column: 'is_person_touch',
            op: 'is_true',
          },
          {
            column: 'is_new_prospect',
            op: 'is_false',
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
