// Salesforce report exports end with a blank line and lines such as "Confidential Information - Do Not
// Distribute", "Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.", and formatted exports add
// "Grand Totals (20 records)" and "Total" rows. They are not data, so they are skipped rather than rejected.
const FOOTER =
  /^(confidential information\b|copyright\s*(\(c\)|©)|grand totals?\s*\(\d+ records?\)$|total$|subtotal$)/i;

/** True for report footer/summary rows that exporters append after the data. */
export function isFooterRow(cells: readonly string[]): boolean {
  const first = cells.find((c) => c.trim() !== '');
  return first !== undefined && FOOTER.test(first.trim());
}

/** True for a row with no content (a blank line, or only empty cells). */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}
