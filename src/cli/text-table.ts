import { AppError } from '../errors.ts';

/** Renders rows as a text table with a header line; columns holding only numbers are right-aligned. */
export function textTable(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  const cells = rows.map((r) => r.map((c) => (c === null ? '-' : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number'),
  );
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line([...headers]), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Parses a positive integer option or throws a validation error naming the option. */
export function positiveInt(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new AppError('validation', `${option} must be a positive integer`, [
      { field: option, value, reason: 'expected a positive integer' },
    ]);
  }
  return n;
}

/** Parses a number option (>= 0) or throws a validation error naming the option. */
export function nonNegativeNumber(value: string, option: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new AppError('validation', `${option} must be a number >= 0`, [
      { field: option, value, reason: 'expected a number >= 0' },
    ]);
  }
  return n;
}

/** Rounds for display: integers as they are, others to 2 decimals. */
export function shortNumber(n: number | null): number | null {
  return n === null ? null : Number.isInteger(n) ? n : Math.round(n * 100) / 100;
}
