import { ZERO_LENGTH_CALL_SECONDS } from '../../integrity/thresholds.ts';
import type { MetricDefinition } from '../definition.ts';

/** Zero-length call share: an integrity signal (issue 18), calls logged with next to no duration. */
export const zeroLengthCallShare = {
  id: 'zero_length_call_share',
  label: 'Zero-length call share',
  description: `Share of outbound calls with a logged duration under ${ZERO_LENGTH_CALL_SECONDS} seconds (an integrity signal).`,
  unit: 'ratio',
  kind: 'ratio',
  formula: `outbound calls with duration < ${ZERO_LENGTH_CALL_SECONDS} s / outbound calls with a logged duration`,
  counts: `Numerator: outbound calls whose logged duration is under ${ZERO_LENGTH_CALL_SECONDS} seconds (exactly ${ZERO_LENGTH_CALL_SECONDS} s is not zero-length). Denominator: outbound calls with a logged duration; calls without one are not judged. Nobody dials, waits and speaks in under ${ZERO_LENGTH_CALL_SECONDS} s, and an unanswered call that rang already lasts longer, so a high share suggests calls logged to pad the count (docs/capture.md, "Integrity (data quality)"). Both counts are functions of the row's type, direction and duration, kept as key columns of the count rollups (migration 0042), which answer them.`,
  parts: {
    numerator: {
      source: 'activities',
      aggregate: { fn: 'count', where: [{ column: 'integrity_zero_length_call', op: 'is_true' }] },
    },
    denominator: {
      source: 'activities',
      aggregate: { fn: 'count', where: [{ column: 'integrity_timed_call', op: 'is_true' }] },
    },
  },
  additive: false,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'lower',
} satisfies MetricDefinition;
