import type { Readable } from 'node:stream';
import type { ImportEncoding } from '../csv/decode-text.ts';
import type { FieldError } from '../mapping/compile.ts';
import type { EntityName } from '../mapping/entities.ts';
import type { MappingSpec } from '../mapping/mapping-spec.ts';

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
  /**
   * For tests: the activities merge sets indexes aside from this many rows instead of DEFER_MIN_ROWS (20,000,
   * store/bulk/defer-indexes.ts), so the deferred merge is covered by a small file. Not exposed by the CLI or API.
   */
  deferIndexesFromRows?: number | undefined;
  onProgress?: (rowsRead: number) => void;
  /** Called as the run moves on: reading (streaming the file), checking, writing, refreshing derived columns. */
  onStage?: (stage: ImportStage) => void;
}

/** Steps of a run after the header, for progress displays (the batched writer reads and writes together). */
export type ImportStage = 'reading' | 'checking' | 'writing' | 'refreshing';

/** Running counts of a run. */
export interface Totals {
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

/** Counts of what was written, and the people whose derived columns must be recomputed. */
export interface Written {
  /** People recomputed in full (for activities: the people updated rows had before the update). */
  contactIds: number[];
  leadIds: number[];
  /** Activities inserted: their people are refreshed incrementally from the stored first touches. */
  addedActivityIds?: number[];
  /** Activities updated: their people as they are now are recomputed, and the rows re-flagged. */
  changedActivityIds?: number[];
}
