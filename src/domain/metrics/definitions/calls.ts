import type { MetricDefinition } from '../definition.ts';
import { NOT_SCHEDULED } from './not-scheduled.ts';

/** Calls: Outbound calls logged by the rep. */
export const calls = {
  id: 'calls',
  label: 'Calls',
  description: 'Outbound calls logged by the rep.',
  unit: 'count',
  kind: 'count',
  formula: 'count(outbound calls)',
  counts:
    'Outbound activities of type call, any outcome that happened (connected, no answer, voicemail). Inbound calls and calls only scheduled (a planned next step, not yet done) do not count.',
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
            value: 'call',
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
