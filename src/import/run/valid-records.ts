import type { CsvRow } from '../csv/read-csv.ts';
import type { CompiledMapping } from '../mapping/compile.ts';
import type { EntityHandler, RecordBase } from './entity-handlers.ts';
import type { ImportRequest, RejectedRow, Totals } from './import-request.ts';
import { brokenRowErrors } from './reject-details.ts';

/**
 * The rows that parse and map, as records with their row; the others are recorded in `rejects` (with their
 * cells and every field error) and planned-but-not-done rows are counted as skipped.
 */
export async function* validRecords(
  rows: AsyncIterable<CsvRow>,
  header: readonly string[],
  compiled: CompiledMapping,
  handler: EntityHandler,
  req: ImportRequest,
  totals: Totals,
  rejects: RejectedRow[],
): AsyncGenerator<{ record: RecordBase; row: CsvRow }> {
  for await (const row of rows) {
    totals.rowsRead += 1;
    if (req.onProgress && totals.rowsRead % 500 === 0) req.onProgress(totals.rowsRead);
    const broken = brokenRowErrors(header, row.cells);
    if (broken.length > 0) {
      rejects.push({ line: row.line, cells: row.cells, errors: broken });
      continue;
    }
    const parsed = compiled.parseRow(row.cells);
    if (parsed.errors.length > 0) {
      rejects.push({ line: row.line, cells: row.cells, errors: parsed.errors });
      continue;
    }
    const rec = handler.build(parsed.values, row.line);
    if (rec === 'skip') {
      totals.skippedRows += 1;
      continue;
    }
    if (Array.isArray(rec)) {
      rejects.push({ line: row.line, cells: row.cells, errors: rec });
      continue;
    }
    yield { record: rec, row };
  }
}
