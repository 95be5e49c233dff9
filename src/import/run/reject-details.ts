import type { ErrorDetail } from '../../errors.ts';
import type { FieldError } from '../mapping/compile.ts';
import type { RejectedRow } from './import-request.ts';

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

/** Columns of a row holding a NUL character (the store cannot keep one; a sign of a binary or UTF-16 file). */
export function nulErrors(header: readonly string[], cells: readonly string[]): FieldError[] {
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
