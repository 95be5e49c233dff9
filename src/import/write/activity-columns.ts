/**
 * The columns of activities an import sets (besides external_id), in the order both writers list them: the
 * batched upsert (write-activities.ts) and the staged merge (stage/merge-activities.ts). An existing row is
 * updated only when one of them really changed.
 */
export const ACTIVITY_IMPORT_COLUMNS = [
  'type',
  'direction',
  'outcome',
  'duration_seconds',
  'user_id',
  'account_id',
  'contact_id',
  'opportunity_id',
  'subject',
  'occurred_at',
  // Migration 0032. A re-import sets them as the file gives them (empty when the mapping has no such column);
  // logged_via is always 'import'.
  'time_category',
  'booked_at',
  'note',
  'logged_via',
] as const;
