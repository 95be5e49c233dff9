import { sql } from 'kysely';
import type { Viewer } from '../domain/access/viewer.ts';
import type { Db } from '../store/db.ts';
import type { MappingSpec } from './mapping/mapping-spec.ts';
import { toStoredReject } from './csv/rejects-csv.ts';
import type { RejectedRow } from './run/import-request.ts';

/** At most this many rejected rows are kept on the run (the rejects CSV of a CLI run has them all). */
export const MAX_STORED_REJECTS = 1000;

/**
 * Records a run as 'running' before the import transaction starts, so even a crash leaves a trace; the id comes
 * locked from reserveLockedRunId (run-lock.ts), so the start-up sweep can tell a live run from an abandoned one.
 */
export async function startImportRun(
  db: Db,
  viewer: Viewer,
  req: { fileName: string; source?: string | undefined; entity?: string | undefined },
  runId: number,
): Promise<number> {
  const { id } = await db
    .insertInto('imports')
    .values({
      id: runId,
      source: req.source ?? 'auto',
      entity: req.entity ?? 'auto',
      file_name: req.fileName,
      status: 'running',
      started_by: viewer.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Stores the detected source and entity once the header has been read. */
export async function describeImportRun(db: Db, id: number, spec: MappingSpec): Promise<void> {
  await db
    .updateTable('imports')
    .set({ source: spec.source, entity: spec.entity })
    .where('id', '=', id)
    .execute();
}

/** Final state and counts of a run. */
export async function finishImportRun(
  db: Db,
  id: number,
  r: {
    status: 'succeeded' | 'rejected' | 'failed';
    rowsRead: number;
    created: number;
    updated: number;
    unchanged: number;
    skippedRows: number;
    rejects: readonly RejectedRow[];
    header: readonly string[];
    error?: string;
  },
): Promise<void> {
  const stored = r.rejects.slice(0, MAX_STORED_REJECTS).map((x) => toStoredReject(r.header, x));
  const succeeded = r.status === 'succeeded';
  await db
    .updateTable('imports')
    .set({
      status: r.status,
      rows_total: r.rowsRead,
      rows_imported: succeeded ? r.created + r.updated + r.unchanged : 0,
      rows_created: succeeded ? r.created : 0,
      rows_updated: succeeded ? r.updated : 0,
      rows_unchanged: succeeded ? r.unchanged : 0,
      rows_skipped: r.skippedRows,
      rows_rejected: r.rejects.length,
      rejects: sql`cast(${JSON.stringify(stored)} as jsonb)`,
      error: r.error ?? null,
      finished_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}
