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

/**
 * Errors of a row the reader split wrongly, found before its cells are mapped (their values would be noise): a NUL
 * (nulErrors); a byte-order mark inside the file, where two exports were joined (the next row's first cell read as
 * text, quotes and all: an external id `"900"` that duplicates the deal on the next import); non-empty cells beyond
 * the header, where a line break that is not the file's (a lone CR in a LF file, which CSV readers keep as data)
 * joined two rows into one and the second would be dropped. Empty cells beyond it (a trailing delimiter) are fine.
 */
export function brokenRowErrors(header: readonly string[], cells: readonly string[]): FieldError[] {
  const out = nulErrors(header, cells);
  if (out.length > 0) return out;
  const name = (i: number) => header[i] ?? `column ${i + 1}`;
  cells.forEach((c, i) => {
    if (c.includes('\uFEFF'))
      out.push({
        field: name(i),
        reason:
          'contains a byte-order mark (U+FEFF) inside the file: two exports joined together? Remove it and import again',
      });
  });
  const extra = cells.findIndex((c, i) => i >= header.length && c !== '');
  if (extra !== -1)
    out.push({
      field: name(extra),
      reason:
        `${cells.length} cells where the header has ${header.length}: a line break or delimiter outside quotes ` +
        '(e.g. a lone CR in a file of LF lines) joined rows or split a cell; fix the file and import again',
    });
  return out;
}
