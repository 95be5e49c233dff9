import type { MetricDefinition } from '../definition.ts';
import { NOT_SCHEDULED } from './not-scheduled.ts';

/** Emails: Outbound emails sent by the rep. */
export const emails = {
  id: 'emails',
  label: 'Emails',
  description: 'Outbound emails sent by the rep.',
  unit: 'count',
  kind: 'count',
  formula: 'count(outbound emails)',
  counts:
    'Outbound activities of type email. Inbound emails (replies) and emails only scheduled do not count.',
  parts: {
    value: {
      source: 'activities',
      aggregate: {
        fn: 'count',
        where: [
          NOT_SCHEDULED,
          {
            column: 'type',
            op: 'eq',
            value: 'email',
          },
          {
            column: 'direction',
            op: 'eq',
            value: 'outbound',
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
