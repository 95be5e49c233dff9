/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe, so an
 * exported lead named "=HYPERLINK(...)" stays text (OWASP "CSV injection").
 */
export function csvCell(v: string | number | boolean | Date | null): string | number {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}
