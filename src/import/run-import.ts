import type { Viewer } from '../domain/access/viewer.ts';
import { AppError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { refreshDerived } from '../store/derived/refresh.ts';
import { recordAudit } from '../store/tables/audit-log.ts';
import { getSettings } from '../store/tables/settings.ts';
import { readCsvRows, type CsvSkips } from './csv/read-csv.ts';
import { compileMapping } from './mapping/compile.ts';
import { detectMapping } from './mapping/detect.ts';
import type { MappingSpec } from './mapping/mapping-spec.ts';
import { describeImportRun, finishImportRun, startImportRun } from './import-runs.ts';
import { releaseRunLock, reserveLockedRunId, withLockedRunId } from './run-lock.ts';
import { handlerFor } from './run/entity-handlers.ts';
import type { ImportRequest, ImportSummary, RejectedRow, Totals } from './run/import-request.ts';
import { nulErrors, rejectDetails } from './run/reject-details.ts';
import { validRecords } from './run/valid-records.ts';
import { writeBatched } from './run/write-batched.ts';
import { writeStaged } from './run/write-staged.ts';
import { openStagedActivities } from './stage/staged-activities.ts';
import { createReferences } from './write/references.ts';

/*
 * The run's lifecycle: lock, run record, one transaction, header and mapping, then the batched path
 * (run/write-batched.ts) or the staged one for activities (run/write-staged.ts), the derived refresh, the audit
 * entry and the run's final state, rejected runs included.
 */

export type { ImportRequest, ImportStage, ImportSummary, RejectedRow } from './run/import-request.ts';
export { rejectDetails } from './run/reject-details.ts';

class WholeFileRejected extends Error {}

/** Who may use createMissing: creating reps (users) is an admin's job, as in the users API. */
function checkCreateMissing(viewer: Viewer, req: ImportRequest): void {
  if (req.createMissing && viewer.role !== 'admin')
    throw new AppError('forbidden', 'Only admins may create missing reps, accounts, contacts and stages', [
      {
        file: req.fileName,
        field: 'createMissing',
        reason: 'admins only; ask an admin to add the missing reps, or import without createMissing',
      },
    ]);
}

/**
 * Imports one CSV: streams it, maps and validates every row, writes in batches inside ONE transaction, and either
 * commits everything or (any invalid row, without skipInvalid) rolls back and throws `import_rejected` listing
 * every problem. A crash mid-way rolls back too. Every run, rejected or not, is recorded in `imports`.
 */
export async function runImport(db: Db, viewer: Viewer, req: ImportRequest): Promise<ImportSummary> {
  if (db.getExecutor().adapter.supportsMultipleConnections !== false) {
    // PostgreSQL: the run's lock is held by an open transaction on a connection of its own (run-lock.ts), the
    // import works on another one.
    return withLockedRunId(db, (runId) =>
      db.connection().execute((conn) => importOnConnection(conn, viewer, req, runId)),
    );
  }
  // PGlite has one session: it holds the run's lock (run-lock.ts) while the run is 'running'.
  return db.connection().execute(async (conn) => {
    const runId = await reserveLockedRunId(conn);
    try {
      return await importOnConnection(conn, viewer, req, runId);
    } finally {
      // A broken connection has lost the lock already; its error must not hide the import's own outcome.
      await releaseRunLock(conn, runId).catch(() => undefined);
    }
  });
}

async function importOnConnection(
  db: Db,
  viewer: Viewer,
  req: ImportRequest,
  lockedRunId: number,
): Promise<ImportSummary> {
  const started = performance.now();
  checkCreateMissing(viewer, req);
  const settings = await getSettings(db);
  const runId = await startImportRun(db, viewer, req, lockedRunId);
  const batchSize = req.batchSize ?? 1000;
  const skips: CsvSkips = { blank: 0, footer: 0 };
  const rejects: RejectedRow[] = [];
  const totals: Totals = { rowsRead: 0, created: 0, updated: 0, unchanged: 0, skippedRows: 0 };
  let header: string[] = [];
  let spec: MappingSpec | null = null;
  try {
    await db.transaction().execute(async (tx) => {
      const refs = await createReferences(tx, viewer, req.createMissing ?? false);
      const source = {
        file: req.fileName,
        delimiter: req.mapping?.delimiter ?? ',',
        encoding: req.encoding ?? 'utf-8',
      };
      const rows = readCsvRows(req.input, source, skips);
      const first = await rows.next();
      if (first.done)
        throw new AppError('import_rejected', `${req.fileName} is empty`, [
          { file: req.fileName, line: 1, field: 'header', reason: 'no header row' },
        ]);
      const nul = nulErrors([], first.value.cells);
      if (nul.length > 0)
        throw new AppError(
          'import_rejected',
          `${req.fileName}: the header contains a NUL character`,
          nul.map((e) => ({ file: req.fileName, line: first.value.line, field: e.field, reason: e.reason })),
        );
      header = first.value.cells.map((h) => h.trim());
      spec = req.mapping ?? detectMapping(header, { source: req.source, entity: req.entity }, req.fileName);
      const compiled = compileMapping(
        spec,
        header,
        { timeZone: settings.timeZone, currency: settings.currency },
        req.fileName,
      );
      if (Array.isArray(compiled))
        throw new AppError('import_rejected', `${req.fileName}: the file does not fit the mapping`, compiled);
      const handler = handlerFor(spec, settings.currency, compiled.mappedFields);

      const records = validRecords(rows, header, compiled, handler, req, totals, rejects);
      const staged =
        spec.entity === 'activities' ? await openStagedActivities(tx, req.deferIndexesFromRows) : null;
      const touched = staged
        ? await writeStaged(staged, refs, records, source.delimiter, req, totals, rejects)
        : await writeBatched(tx, handler, refs, records, batchSize, totals, rejects);
      if (rejects.length > 0 && !req.skipInvalid) throw new WholeFileRejected();
      if (
        touched.contactIds.length > 0 ||
        touched.leadIds.length > 0 ||
        (touched.addedActivityIds?.length ?? 0) > 0 ||
        (touched.changedActivityIds?.length ?? 0) > 0
      ) {
        req.onStage?.('refreshing');
        await refreshDerived(tx, touched);
      }
      await recordAudit(tx, viewer, {
        action: 'import',
        entity: 'import',
        entityId: runId,
        after: {
          file: req.fileName,
          source: spec?.source,
          entity: spec?.entity,
          ...totals,
          rejected: rejects.length,
        },
      });
      // The final state commits with the rows: a run that is still 'running' after a crash wrote nothing.
      if (spec) await describeImportRun(tx, runId, spec);
      rejects.sort((a, b) => a.line - b.line);
      await finishImportRun(tx, runId, { status: 'succeeded', ...totals, rejects, header });
    });
  } catch (err) {
    if (spec) await describeImportRun(db, runId, spec);
    rejects.sort((a, b) => a.line - b.line);
    if (err instanceof WholeFileRejected) {
      await finishImportRun(db, runId, { status: 'rejected', ...totals, rejects, header });
      throw new AppError(
        'import_rejected',
        `${req.fileName}: ${rejects.length} of ${totals.rowsRead} rows are invalid; nothing was imported (use --skip-invalid to import the valid rows)`,
        rejectDetails(req.fileName, rejects),
      );
    }
    const status = err instanceof AppError ? 'rejected' : 'failed';
    await finishImportRun(db, runId, {
      status,
      ...totals,
      rejects,
      header,
      error: err instanceof Error ? err.message : String(err),
    });
    throw err;
  }
  const seconds = (performance.now() - started) / 1000;
  const finalSpec = spec as MappingSpec | null;
  return {
    importId: runId,
    source: finalSpec?.source ?? 'unknown',
    entity: finalSpec?.entity ?? 'opportunities',
    mapping: finalSpec?.label ?? 'custom mapping',
    fileName: req.fileName,
    status: 'succeeded',
    header,
    rowsRead: totals.rowsRead,
    imported: totals.created + totals.updated + totals.unchanged,
    created: totals.created,
    updated: totals.updated,
    unchanged: totals.unchanged,
    skipped: totals.skippedRows + skips.footer,
    rejected: rejects.length,
    seconds,
    rowsPerSecond: seconds > 0 ? totals.rowsRead / seconds : 0,
    rejects,
  };
}
