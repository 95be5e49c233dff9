import type { MetricDefinition } from '../definition.ts';
import { NOT_SCHEDULED } from './not-scheduled.ts';

/** Connect rate: Share of outbound calls that reached someone. */
export const connectRate = {
  id: 'connect_rate',
  label: 'Connect rate',
  description: 'Share of outbound calls that reached someone.',
  unit: 'ratio',
  kind: 'ratio',
  formula: 'connected outbound calls / outbound calls',
  counts:
    'Numerator: outbound calls with outcome connected. Denominator: all outbound calls that happened (not those only scheduled).',
  parts: {
    numerator: {
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
          {
            column: 'outcome',
            op: 'eq',
            value: 'connected',
          },
        ],
      },
    },
    denominator: {
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
  additive: false,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'higher',
} satisfies MetricDefinition;
