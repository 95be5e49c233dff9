import type { CsvRow } from '../csv/read-csv.ts';
import type { References } from '../write/references.ts';
import type { Db } from '../../store/db.ts';
import type { EntityHandler, RecordBase } from './entity-handlers.ts';
import type { RejectedRow, Totals, Written } from './import-request.ts';

/**
 * The batched writer (every entity but activities, and activities when COPY is unavailable): records are
 * resolved and upserted batchSize at a time; a repeated external id is caught here, in memory.
 */
export async function writeBatched(
  tx: Db,
  handler: EntityHandler,
  refs: References,
  records: AsyncIterable<{ record: RecordBase; row: CsvRow }>,
  batchSize: number,
  totals: Totals,
  rejects: RejectedRow[],
): Promise<Written> {
  const seen = new Map<string, number>();
  const cellsByLine = new Map<number, string[]>();
  const contactIds = new Set<number>();
  const leadIds = new Set<number>();
  const addedActivityIds: number[] = [];
  const changedActivityIds: number[] = [];
  let batch: RecordBase[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const r = await handler.write(tx, refs, batch);
    totals.created += r.created;
    totals.updated += r.updated;
    totals.unchanged += r.unchanged;
    for (const x of r.rejects)
      rejects.push({ line: x.line, cells: cellsByLine.get(x.line) ?? [], errors: x.errors });
    for (const id of r.contactIds) contactIds.add(id);
    for (const id of r.leadIds) leadIds.add(id);
    for (const id of r.addedActivityIds ?? []) addedActivityIds.push(id);
    for (const id of r.changedActivityIds ?? []) changedActivityIds.push(id);
    batch = [];
    cellsByLine.clear();
  };
  for await (const { record: rec, row } of records) {
    const dup = seen.get(rec.externalId);
    if (dup !== undefined) {
      rejects.push({
        line: row.line,
        cells: row.cells,
        errors: [{ field: 'externalId', value: rec.externalId, reason: `the same record as line ${dup}` }],
      });
      continue;
    }
    seen.set(rec.externalId, row.line);
    cellsByLine.set(row.line, row.cells);
    batch.push(rec);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { contactIds: [...contactIds], leadIds: [...leadIds], addedActivityIds, changedActivityIds };
}
