import type { CsvRow } from '../csv/read-csv.ts';
import type { ActivityRecord } from '../records/activity-record.ts';
import type { StagedActivities } from '../stage/staged-activities.ts';
import type { References } from '../write/references.ts';
import type { RecordBase } from './entity-handlers.ts';
import type { ImportRequest, RejectedRow, Totals, Written } from './import-request.ts';

/**
 * The staged writer for activities (src/import/stage): COPY into staging while the file streams, then references,
 * duplicates and access checked set-based, then one merge, unless some row is refused and the run is
 * whole-file-or-nothing (the caller then rolls back). Memory stays flat: no row is kept after it is sent.
 */
export async function writeStaged(
  staged: StagedActivities,
  refs: References,
  records: AsyncIterable<{ record: RecordBase; row: CsvRow }>,
  delimiter: string,
  req: ImportRequest,
  totals: Totals,
  rejects: RejectedRow[],
): Promise<Written> {
  async function* toStage() {
    for await (const { record, row } of records) yield { record: record as ActivityRecord, raw: row.raw };
  }
  req.onStage?.('reading');
  const stagedRows = await staged.load(toStage());
  req.onStage?.('checking');
  const refused = await staged.check(refs, delimiter);
  rejects.push(...refused);
  if (rejects.length > 0 && !req.skipInvalid) return { contactIds: [], leadIds: [] };
  req.onStage?.('writing');
  const merged = await staged.merge(refused.map((r) => r.line));
  totals.created += merged.created;
  totals.updated += merged.updated;
  totals.unchanged += stagedRows - refused.length - merged.created - merged.updated;
  return {
    contactIds: merged.previousContactIds,
    leadIds: [],
    addedActivityIds: merged.addedActivityIds,
    changedActivityIds: merged.changedActivityIds,
  };
}
