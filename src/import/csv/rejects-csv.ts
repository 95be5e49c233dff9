import { stringify } from 'csv-stringify/sync';
import { csvCell } from '../../domain/csv/csv-cell.ts';
import type { FieldError } from '../mapping/compile.ts';

/** A rejected row as stored on the import run: the original cells keyed by header, plus where and why. */
export interface StoredReject {
  line: number;
  /** The header in file order (JSONB does not keep object key order). */
  columns: string[];
  values: Record<string, string>;
  errors: FieldError[];
}

/** Keys a row's cells by the file's header (extra cells beyond the header get 'column N'). */
export function toStoredReject(
  header: readonly string[],
  r: { line: number; cells: readonly string[]; errors: FieldError[] },
): StoredReject {
  const values: Record<string, string> = {};
  const columns = r.cells.map((_, i) => header[i] ?? `column ${i + 1}`);
  r.cells.forEach((c, i) => {
    // JSONB cannot hold U+0000; such rows are rejected for it, and kept with a visible replacement character.
    values[columns[i]!] = c.replaceAll('\u0000', '\uFFFD');
  });
  return { line: r.line, columns, values, errors: r.errors };
}

/**
 * The rejects file: the original columns, then `line`, `field` and `reason` (several problems in one row are
 * joined with '; '), so a user can fix the rows and import the file again. It is opened in spreadsheets, and the
 * cells come from an untrusted file, so every cell goes through the exporter's formula neutraliser (csvCell).
 */
export function rejectsCsv(header: readonly string[], rejects: readonly StoredReject[]): string {
  const columns = [...header];
  for (const r of rejects) for (const k of r.columns) if (!columns.includes(k)) columns.push(k);
  const rows = rejects.map((r) => [
    ...columns.map((c) => r.values[c] ?? ''),
    String(r.line),
    r.errors.map((e) => e.field).join('; '),
    r.errors.map((e) => (e.value !== undefined ? `${e.reason}` : e.reason)).join('; '),
  ]);
  return stringify([[...columns, 'line', 'field', 'reason'], ...rows].map((row) => row.map(csvCell)));
}
