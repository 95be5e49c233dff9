import type { Readable } from 'node:stream';
import type { Viewer } from '../domain/access/viewer.ts';
import { AppError, assertNever, type ErrorDetail } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { refreshDerived } from '../store/derived/refresh.ts';
import { recordAudit } from '../store/tables/audit-log.ts';
import { getSettings } from '../store/tables/settings.ts';
import type { ImportEncoding } from './csv/decode-text.ts';
import { readCsvRows, type CsvRow, type CsvSkips } from './csv/read-csv.ts';
import { compileMapping, type CompiledMapping, type FieldError, type RowValues } from './mapping/compile.ts';
import { detectMapping } from './mapping/detect.ts';
import type { EntityName } from './mapping/entities.ts';
import type { MappingSpec } from './mapping/mapping-spec.ts';
import { toActivityRecord, type ActivityRecord } from './records/activity-record.ts';
import { toContactRecord } from './records/contact-record.ts';
import { toHistoryRecord } from './records/history-record.ts';
import { toLeadRecord } from './records/lead-record.ts';
import { toOpportunityRecord } from './records/opportunity-record.ts';
import { describeImportRun, finishImportRun, startImportRun } from './import-runs.ts';
import { releaseRunLock, reserveLockedRunId, withLockedRunId } from './run-lock.ts';
import { openStagedActivities, type StagedActivities } from './stage/staged-activities.ts';
import type { BatchResult } from './write/batch-result.ts';
import { createReferences, type References } from './write/references.ts';
import { writeActivities } from './write/write-activities.ts';
import { writeContacts } from './write/write-contacts.ts';
import { writeHistory } from './write/write-history.ts';
import { writeLeads } from './write/write-leads.ts';
import { writeOpportunities } from './write/write-opportunities.ts';

/** What to import and how. */
export interface ImportRequest {
  /** Shown in errors and stored on the run; a path or an upload's name. */
  fileName: string;
  input: Readable;
  /** Encoding of the bytes (default utf-8; a byte-order mark wins). */
  encoding?: ImportEncoding | undefined;
  /** Built-in source ('salesforce' | 'hubspot' | 'pipedrive'); detected from the header when absent. */
  source?: string | undefined;
  entity?: EntityName | undefined;
  /** A user mapping (--map); replaces detection. */
  mapping?: MappingSpec | undefined;
  /** Import the valid rows and report the rest, instead of all-or-nothing. */
  skipInvalid?: boolean;
  /** Create unknown reps, accounts, contacts and stages instead of rejecting their rows. */
  createMissing?: boolean;
  /** Rows per INSERT statement. */
  batchSize?: number;
  onProgress?: (rowsRead: number) => void;
  /** Called as the run moves on: reading (streaming the file), checking, writing, refreshing derived columns. */
  onStage?: (stage: ImportStage) => void;
}

/** Steps of a run after the header, for progress displays (the batched writer reads and writes together). */
export type ImportStage = 'reading' | 'checking' | 'writing' | 'refreshing';

/** Running counts of a run. */
interface Totals {
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  skippedRows: number;
}

/** A refused row: the original cells, where it was and why. */
export interface RejectedRow {
  line: number;
  cells: string[];
  errors: FieldError[];
}

/** The outcome of a run, for the CLI summary, the API response and the rejects CSV. */
export interface ImportSummary {
  importId: number;
  source: string;
  entity: EntityName;
  mapping: string;
  fileName: string;
  status: 'succeeded';
  header: string[];
  rowsRead: number;
  imported: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Planned-but-not-done activities and report footer lines. */
  skipped: number;
  rejected: number;
  seconds: number;
  rowsPerSecond: number;
  rejects: RejectedRow[];
}

interface RecordBase {
  line: number;
  externalId: string;
}

interface EntityHandler {
  build(values: RowValues, line: number): RecordBase | FieldError[] | 'skip';
  write(tx: Db, refs: References, records: RecordBase[]): Promise<BatchResult>;
}

function handlerFor(spec: MappingSpec, currency: string): EntityHandler {
  const entity = spec.entity;
  switch (entity) {
    case 'opportunities':
      return {
        build: (v, line) => toOpportunityRecord(spec, v, line, currency),
        write: (tx, refs, rs) => writeOpportunities(tx, refs, rs as Parameters<typeof writeOpportunities>[2]),
      };
    case 'opportunity_history': {
      const cleaned = new Set<number>();
      return {
        build: (v, line) => toHistoryRecord(spec, v, line),
        write: (tx, refs, rs) => writeHistory(tx, refs, rs as Parameters<typeof writeHistory>[2], cleaned),
      };
    }
    case 'leads':
      return {
        build: (v, line) => toLeadRecord(spec, v, line),
        write: (tx, refs, rs) => writeLeads(tx, refs, rs as Parameters<typeof writeLeads>[2]),
      };
    case 'contacts':
      return {
        build: (v, line) => toContactRecord(spec, v, line),
        write: (tx, refs, rs) => writeContacts(tx, refs, rs as Parameters<typeof writeContacts>[2]),
      };
    case 'activities':
      return {
        build: (v, line) => toActivityRecord(spec, v, line),
        write: (tx, refs, rs) => writeActivities(tx, refs, rs as Parameters<typeof writeActivities>[2]),
      };
    default:
      return assertNever(entity, 'entity');
  }
}

/** Details for an AppError: one per field error, capped so a broken 200k-row file does not make a 50 MB response. */
export function rejectDetails(file: string, rejects: readonly RejectedRow[], max = 1000): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const r of rejects) {
    for (const e of r.errors) {
      if (out.length >= max) return out;
      out.push({
        file,
        line: r.line,
        field: e.field,
        ...(e.value !== undefined ? { value: e.value } : {}),
        reason: e.reason,
      });
    }
  }
  return out;
}

class WholeFileRejected extends Error {}

/** Columns of a row holding a NUL character (the store cannot keep one; a sign of a binary or UTF-16 file). */
function nulErrors(header: readonly string[], cells: readonly string[]): FieldError[] {
  const out: FieldError[] = [];
  cells.forEach((c, i) => {
    if (c.includes('\u0000'))
      out.push({
        field: (header[i] ?? `column ${i + 1}`).replaceAll('\u0000', ''),
        reason: 'contains a NUL character (a binary file, or UTF-16 read as UTF-8: try --encoding utf-16le)',
      });
  });
  return out;
}

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

/** Counts of what was written, and the people whose derived columns must be recomputed. */
interface Written {
  contactIds: number[];
  leadIds: number[];
}

/**
 * The batched writer (every entity but activities, and activities when COPY is unavailable): records are
 * resolved and upserted batchSize at a time; a repeated external id is caught here, in memory.
 */
async function writeBatched(
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
  return { contactIds: [...contactIds], leadIds: [...leadIds] };
}

/**
 * The staged writer for activities (src/import/stage): COPY into staging while the file streams, then references,
 * duplicates and access checked set-based, then one merge, unless some row is refused and the run is
 * whole-file-or-nothing (the caller then rolls back). Memory stays flat: no row is kept after it is sent.
 */
async function writeStaged(
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
  return { contactIds: merged.contactIds, leadIds: [] };
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
      const handler = handlerFor(spec, settings.currency);

      /** The rows that parse and map, with the others recorded as rejects and skipped rows counted. */
      async function* validRecords(): AsyncGenerator<{ record: RecordBase; row: CsvRow }> {
        for await (const row of rows) {
          totals.rowsRead += 1;
          if (req.onProgress && totals.rowsRead % 500 === 0) req.onProgress(totals.rowsRead);
          const nul = nulErrors(header, row.cells);
          if (nul.length > 0) {
            rejects.push({ line: row.line, cells: row.cells, errors: nul });
            continue;
          }
          const parsed = (compiled as CompiledMapping).parseRow(row.cells);
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

      const staged = spec.entity === 'activities' ? await openStagedActivities(tx) : null;
      const touched = staged
        ? await writeStaged(staged, refs, validRecords(), source.delimiter, req, totals, rejects)
        : await writeBatched(tx, handler, refs, validRecords(), batchSize, totals, rejects);
      if (rejects.length > 0 && !req.skipInvalid) throw new WholeFileRejected();
      if (touched.contactIds.length > 0 || touched.leadIds.length > 0) {
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
