/**
 * How a CSV file is written for its reader (issue 19, docs/localization.md). Spreadsheets in locales whose
 * decimal mark is a comma (Polish, Romanian, German ...) split columns on semicolons and read "0,5" as a number,
 * so such a reader asks for `semicolon`: fields are separated by ';' and decimals take a comma. The default
 * `comma` is RFC 4180 with decimal points, for programs.
 */
export const CSV_SEPARATORS = ['comma', 'semicolon'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

export interface CsvFormat {
  /** The field delimiter. */
  delimiter: ',' | ';';
  /** The decimal mark written in numbers. */
  decimal: '.' | ',';
}

export function csvFormat(separator: CsvSeparator): CsvFormat {
  return separator === 'semicolon' ? { delimiter: ';', decimal: ',' } : { delimiter: ',', decimal: '.' };
}

/** The separator a locale's spreadsheets expect: semicolon where the decimal mark is a comma. */
export function separatorForLocale(locale: string): CsvSeparator {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
  return decimal === ',' ? 'semicolon' : 'comma';
}

/** A number (or a decimal text such as "1234.56") with the format's decimal mark; integers are unchanged. */
export function csvNumber(value: number | string, format: CsvFormat): string {
  const text = String(value);
  return format.decimal === ',' ? text.replace('.', ',') : text;
}
