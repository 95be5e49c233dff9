import {
  csvFormat,
  csvNumber,
  type CsvFormat,
  type CsvSeparator,
} from '../../../src/domain/csv/csv-format.ts';

/**
 * Quotes one CSV field when it holds a separator, quote or line break (RFC 4180); numbers take the format's
 * decimal mark (docs/localization.md: semicolon files carry decimal commas).
 */
export function csvField(
  value: string | number | null | undefined,
  format: CsvFormat = csvFormat('comma'),
): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? csvNumber(value, format) : value;
  const special = text.includes(format.delimiter) || /["\r\n]/.test(text);
  return special ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Joins rows into CSV text with CRLF line ends; `separator` as the reader's spreadsheet expects. */
export function toCsv(
  rows: readonly (readonly (string | number | null | undefined)[])[],
  separator: CsvSeparator = 'comma',
): string {
  const format = csvFormat(separator);
  return rows.map((row) => row.map((v) => csvField(v, format)).join(format.delimiter)).join('\r\n') + '\r\n';
}

/** Offers text as a file download in the browser. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
