/** One rejected row of an import, named by line and field. */
export interface ImportReject {
  line: number;
  field?: string;
  value?: string;
  reason: string;
}

/** An import run (POST /api/imports answer, GET /api/imports/:id). */
export interface ImportRun {
  id: number;
  source: string;
  entity: string;
  fileName: string;
  status: 'running' | 'succeeded' | 'rejected' | 'failed';
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  rejects?: ImportReject[];
}

export const IMPORT_FIELDS = [
  'id',
  'status',
  'rowsTotal',
  'rowsImported',
  'rowsRejected',
] as const satisfies readonly (keyof ImportRun)[];
