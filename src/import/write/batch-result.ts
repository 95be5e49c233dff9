import type { FieldError } from '../mapping/compile.ts';

/** A row the importer refused, with every reason found. */
export interface RowReject {
  line: number;
  errors: FieldError[];
}

/** What one written batch did. */
export interface BatchResult {
  created: number;
  updated: number;
  unchanged: number;
  rejects: RowReject[];
  /** People whose derived columns (first touch, response time) must be recomputed. */
  contactIds: number[];
  leadIds: number[];
  /** Activities inserted and updated (activities files only): see RefreshRequest in src/store/derived/people.ts. */
  addedActivityIds?: number[];
  changedActivityIds?: number[];
}

/** An empty result to add batch results into. */
export function emptyBatchResult(): BatchResult {
  return { created: 0, updated: 0, unchanged: 0, rejects: [], contactIds: [], leadIds: [] };
}

/** Collects errors per row: returns the id, or records the error and returns undefined. */
export function collect<T>(value: T | FieldError, errors: FieldError[]): T | undefined {
  if (value !== null && typeof value === 'object' && 'reason' in value) {
    errors.push(value);
    return undefined;
  }
  return value as T;
}

/** SQL fragment list for `(t.a, t.b) is distinct from (excluded.a, excluded.b)`: only real changes count as updates. */
export function changedColumns(table: string, columns: readonly string[]): string {
  const ours = columns.map((c) => `${table}.${c}`).join(', ');
  const theirs = columns.map((c) => `excluded.${c}`).join(', ');
  return `(${ours}) is distinct from (${theirs})`;
}

/** SQL for an upsert's `set a = excluded.a, b = excluded.b`: the file's values replace the stored ones. */
export function takeExcluded(columns: readonly string[]): string {
  return columns.map((c) => `${c} = excluded.${c}`).join(', ');
}
