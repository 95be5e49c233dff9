import type { Selectable } from 'kysely';
import type { Viewer } from '../../domain/access/viewer.ts';
import { visibleUser } from '../access/visible-owner.ts';
import type { Db } from '../db.ts';
import type { ImportsTable } from '../schema.ts';

/** An import run as the API shows it. */
export interface ImportRun {
  id: number;
  source: string;
  entity: string;
  fileName: string;
  status: 'running' | 'succeeded' | 'rejected' | 'failed';
  rowsTotal: number;
  rowsImported: number;
  rowsCreated: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsSkipped: number;
  rowsRejected: number;
  error: string | null;
  startedBy: number | null;
  startedAt: string;
  finishedAt: string | null;
}

/** Maps a row (without the rejects JSON) to the API shape. */
export function toImportRun(r: Omit<Selectable<ImportsTable>, 'rejects'>): ImportRun {
  return {
    id: r.id,
    source: r.source,
    entity: r.entity,
    fileName: r.file_name,
    status: r.status,
    rowsTotal: r.rows_total,
    rowsImported: r.rows_imported,
    rowsCreated: r.rows_created,
    rowsUpdated: r.rows_updated,
    rowsUnchanged: r.rows_unchanged,
    rowsSkipped: r.rows_skipped,
    rowsRejected: r.rows_rejected,
    error: r.error,
    startedBy: r.started_by,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  };
}

/**
 * Recent runs the viewer may see, newest first. A run (and its rejected rows, which hold whole rows of the file)
 * is visible to its creator, the managers above the creator (visibleUser) and admins; runs started by the CLI
 * (no creator) to admins only.
 */
export async function listImportRuns(db: Db, viewer: Viewer, limit: number): Promise<ImportRun[]> {
  const rows = await db
    .selectFrom('imports')
    .select([
      'id',
      'source',
      'entity',
      'file_name',
      'status',
      'rows_total',
      'rows_imported',
      'rows_created',
      'rows_updated',
      'rows_unchanged',
      'rows_skipped',
      'rows_rejected',
      'error',
      'started_by',
      'started_at',
      'finished_at',
    ])
    .where(visibleUser(viewer, 'started_by'))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toImportRun);
}

/** The stored rejects of one run (at most 1,000 rows), or undefined when there is no such run the viewer may see. */
export async function getImportRejects(
  db: Db,
  viewer: Viewer,
  id: number,
): Promise<{ id: number; rejects: unknown[] } | undefined> {
  const row = await db
    .selectFrom('imports')
    .select(['id', 'rejects'])
    .where('id', '=', id)
    .where(visibleUser(viewer, 'started_by'))
    .executeTakeFirst();
  return row ? { id: row.id, rejects: Array.isArray(row.rejects) ? row.rejects : [] } : undefined;
}
