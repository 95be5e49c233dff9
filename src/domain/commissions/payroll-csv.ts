import { stringify } from 'csv-stringify/sync';
import { csvCell } from '../csv/csv-cell.ts';
import { csvFormat, csvNumber, type CsvSeparator } from '../csv/csv-format.ts';
import { majorUnits } from './money.ts';

/*
 * The payroll file (docs/commissions.md, "Payroll export"): one row per locked or paid statement of a period.
 * Names, emails and external ids come from imports, so they go through csvCell (a name "=HYPERLINK(...)" stays
 * text); the money columns are written by this function and kept as plain numbers, so a negative payout reads
 * "-12.50", not "'-12.50".
 */

export interface PayrollRow {
  periodKey: string;
  userId: number;
  userExternalId: string | null;
  email: string;
  name: string;
  currency: string;
  payoutMinor: number;
  status: 'locked' | 'paid';
  statementId: number;
}

export const PAYROLL_COLUMNS = [
  'period_key',
  'user_id',
  'user_external_id',
  'email',
  'name',
  'currency',
  'payout',
  'payout_minor',
  'status',
  'statement_id',
  'reference',
] as const;

/** Payroll's reference for a statement, unique per period and person. */
export function payrollReference(periodKey: string, statementId: number): string {
  return `COMM-${periodKey}-${statementId}`;
}

export function payrollCsvText(rows: readonly PayrollRow[], separator: CsvSeparator = 'comma'): string {
  const format = csvFormat(separator);
  return stringify(
    rows.map((r) => [
      r.periodKey,
      r.userId,
      csvCell(r.userExternalId),
      csvCell(r.email),
      csvCell(r.name),
      r.currency,
      csvNumber(majorUnits(r.payoutMinor, r.currency), format),
      r.payoutMinor,
      r.status,
      r.statementId,
      payrollReference(r.periodKey, r.statementId),
    ]),
    { header: true, columns: [...PAYROLL_COLUMNS], delimiter: format.delimiter },
  );
}
