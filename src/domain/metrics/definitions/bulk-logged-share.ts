import { BURST_MINUTES, BURST_ROWS } from '../../integrity/thresholds.ts';
import type { MetricDefinition } from '../definition.ts';

/** Bulk-logged share: an integrity signal (issue 18), activity typed in by the batch after hours. */
export const bulkLoggedShare = {
  id: 'bulk_logged_share',
  label: 'Bulk-logged share',
  description: `Share of typed-in activities written outside working hours in a burst of ${BURST_ROWS} or more within ${BURST_MINUTES} minutes (an integrity signal).`,
  unit: 'ratio',
  kind: 'ratio',
  formula: `typed-in rows written after hours in a burst / typed-in rows`,
  counts: `Typed-in rows are activities a person entered (logged_via quick_log or api); synced, imported and demo rows and rows from before logged_via existed are not judged. Numerator: typed-in rows written (created_at) outside the workspace's working hours (at or after the end of the working day, or before its start, by the local time of day) when the same rep wrote at least ${BURST_ROWS} typed-in rows, this one included, within ${BURST_MINUTES} minutes before or after it. Denominator: typed-in rows. Rows are in the period by occurred_at, like every activity metric. Logging as you go writes a row every few minutes; a burst after hours is a day typed in at once (docs/capture.md, "Integrity (data quality)"). The denominator is a key column of the count rollups (migration 0042), which answer it; the numerator is computed from the activity rows.`,
  parts: {
    numerator: {
      source: 'activities',
      aggregate: { fn: 'count', where: [{ column: 'integrity_bulk_logged', op: 'is_true' }] },
    },
    denominator: {
      source: 'activities',
      aggregate: { fn: 'count', where: [{ column: 'integrity_typed_in', op: 'is_true' }] },
    },
  },
  additive: false,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'lower',
} satisfies MetricDefinition;
