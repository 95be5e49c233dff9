import type { MetricDefinition } from '../definition.ts';
import { NOT_SCHEDULED } from './not-scheduled.ts';

/** LinkedIn touches: Outbound LinkedIn messages and connection requests. */
export const linkedinTouches = {
  id: 'linkedin_touches',
  label: 'LinkedIn touches',
  description: 'Outbound LinkedIn messages and connection requests.',
  unit: 'count',
  kind: 'count',
  formula: 'count(outbound linkedin activities)',
  counts: 'Outbound activities of type linkedin, except those only scheduled.',
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
            value: 'linkedin',
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
