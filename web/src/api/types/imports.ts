import type { ApiErrorDetail } from '../client.ts';
/** One rejected row of an import: its line, original cells and every reason. */
export interface ImportReject {
  line: number;
  values: Record<string, string>;
  /** Every reason the row was refused: the English reason and, for recurring ones, the rule (src/errors.ts). */
  errors: (ApiErrorDetail & { field: string })[];
}

/** What POST /api/imports (CSV body) answers when the file imported (with skipInvalid, bad rows are listed). */
export interface ImportSummary {
  importId: number;
  source: string;
  entity: string;
  fileName: string;
  status: 'succeeded';
  rowsRead: number;
  imported: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  seconds: number;
  rowsPerSecond: number;
  rejects: ImportReject[];
}

export const IMPORT_SUMMARY_FIELDS = [
  'importId',
  'rowsRead',
  'imported',
  'rejected',
  'rejects',
] as const satisfies readonly (keyof ImportSummary)[];
